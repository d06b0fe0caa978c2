/// What the byte-level batch knows from a CSV header: the columns, where the fast path's fields
/// are, and whether it can run at all.
struct CSVRowPlan: Sendable {
    let names: [String]
    let encoding: TextEncoding
    /// Field names some regime reads; other columns are ignored.
    let known: Set<String>
    let candidates: CandidateIds?
    /// Where ``ContractRowKernel``'s fields are, or nil when no row can take the fast path
    /// (JSON Lines output, `--explain`, a column missing or named twice).
    let fast: FastColumns?

    struct FastColumns: Sendable {
        let id: Int
        let regime: Int
        let amount: Int
        let due: Int
        let paid: Int
        let excluded: Int?
        /// Columns a contract regime could read that the kernel does not (payments, rate …):
        /// they must be empty for a row to take the fast path.
        let mustBeEmpty: [Int]
    }

    init(columns: [String], encoding: TextEncoding, options: Batch.Options) {
        names = columns
        self.encoding = encoding
        let known = options.catalog.knownFields
        self.known = known
        candidates = options.duplicateCandidates.map(CandidateIds.init)
        func only(_ name: String) -> Int? {
            let indices = columns.indices.filter { columns[$0] == name }
            return indices.count == 1 ? indices[0] : nil
        }
        let read: Set<String> = ["id", "regime", "amount", "due", "paid", "excluded"]
        let kernelRegimes = options.catalog.regime(named: ContractRegime.lateCompletion.rawValue) as? ContractRegime == .lateCompletion
            && options.catalog.regime(named: ContractRegime.latePayment.rawValue) as? ContractRegime == .latePayment
        if options.format == .csv, !options.explain, kernelRegimes,
            let id = only("id"), let regime = only("regime"), let amount = only("amount"), let due = only("due"), let paid = only("paid"),
            columns.filter({ $0 == "excluded" }).count <= 1
        {
            fast = FastColumns(
                id: id, regime: regime, amount: amount, due: due, paid: paid, excluded: only("excluded"),
                mustBeEmpty: columns.indices.filter { known.contains(columns[$0]) && !read.contains(columns[$0]) })
        } else {
            fast = nil
        }
    }
}
