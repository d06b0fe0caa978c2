/// What the byte-level batch knows from a CSV header or a JSON Lines input: the columns, where the
/// fast path's fields are, and whether it can run at all.
struct RowPlan: Sendable {
    /// The columns: a CSV header's, or for JSON Lines every field a regime reads (in name order),
    /// which a line's keys are looked up in.
    let names: [String]
    /// For JSON Lines, the columns as `JSONRowScan` looks keys up; nil for CSV.
    let jsonColumns: JSONRowScan.Columns?
    let encoding: TextEncoding
    /// Field names some regime reads; other columns are ignored.
    let known: Set<String>
    let candidates: CandidateIds?
    /// Where the fast path's fields are, or nil when no row can take the fast path (a column
    /// missing or named twice).
    let fast: FastColumns?
    /// The output format when rows are written without the explanation: a fast row's output is
    /// then written straight from its amount and days; nil with `--explain`, when it is a full
    /// result written by ``OutputFormat``.
    let plainOutput: OutputFormat?

    struct FastColumns: Sendable {
        let id: Int
        let regime: Int
        let amount: Int
        let due: Int
        let paid: Int
        let excluded: Int?
        let payments: Int?
        /// The regimes whose plain rows the fast path computes, in the catalog's order.
        let regimes: [FastRegime]
    }

    /// A regime the fast path computes, and how (a class: looked up for every row, so passing it
    /// costs one reference count).
    final class FastRegime: @unchecked Sendable {
        let name: String
        /// The name's bytes, and below `termColumns`' columns and `mustBeEmpty`, as tables read
        /// for every row (see `UnsafeBufferPointer.table`); freed in deinit.
        let nameBytes: UnsafeBufferPointer<UInt8>
        /// The regime's compiled terms for rows that give none of their own, or nil when every
        /// row gives its own (`custom`). A row's own terms are compiled from `termColumns` and
        /// kept per block for rows with the same terms.
        let plan: AccrualPlan?
        /// ``plan`` for the rows, which use it without retaining it: `plan` keeps it for the run.
        let unretainedPlan: Unmanaged<AccrualPlan>?
        let regime: any PlannedRegime
        /// The day-charge kernel, when the regime's terms are simple enough for it (one fixed rate
        /// on fixed 365 …): rows without payments take it, proven equal to the plan and faster.
        let kernel: DayChargeKernel?
        /// Whether the regime reads `excluded` and `payments` (else a row that fills one goes
        /// the general way, which reports it).
        let readsExcluded: Bool
        let readsPayments: Bool
        /// The columns of the row's own terms, with the regime's names for them.
        let termColumns: [(column: Int, name: String)]
        let termColumnIndexes: UnsafeBufferPointer<Int>
        /// Columns a regime reads that this regime's plain row leaves empty (rate, roll_due …):
        /// they must be empty for a row to take the fast path.
        let mustBeEmpty: UnsafeBufferPointer<Int>

        init(name: String, regime: any PlannedRegime, columns: [String], known: Set<String>) {
            self.name = name
            nameBytes = .table(Array(name.utf8))
            self.regime = regime
            plan = regime.plainRowPlan
            unretainedPlan = plan.map { Unmanaged.passUnretained($0) }
            kernel = plan.flatMap { DayChargeKernel(terms: $0.terms) }
            let fields = regime.fields, termFields = regime.rowTermFields
            readsExcluded = fields.contains("excluded")
            readsPayments = fields.contains("payments")
            termColumns = termFields.compactMap { field in columns.firstIndex(of: field).map { ($0, field) } }
            let read: Set<String> = Set(["id", "regime", "amount", "due", "paid", "excluded", "payments"] + termFields)
            termColumnIndexes = .table(termColumns.map(\.column))
            mustBeEmpty = .table(columns.indices.filter { known.contains(columns[$0]) && !read.contains(columns[$0]) })
        }

        deinit {
            nameBytes.deallocate()
            termColumnIndexes.deallocate()
            mustBeEmpty.deallocate()
        }
    }

    /// The plan of JSON Lines input, whose rows name their fields.
    init(jsonLinesWith options: Batch.Options, encoding: TextEncoding) {
        self.init(columns: options.catalog.knownFields.sorted(), encoding: encoding, options: options, jsonLines: true)
    }

    init(columns: [String], encoding: TextEncoding, options: Batch.Options, jsonLines: Bool = false) {
        names = columns
        jsonColumns = jsonLines ? JSONRowScan.Columns(columns) : nil
        self.encoding = encoding
        let known = options.catalog.knownFields
        self.known = known
        candidates = options.duplicateCandidates.map(CandidateIds.init)
        func only(_ name: String) -> Int? {
            let indices = columns.indices.filter { columns[$0] == name }
            return indices.count == 1 ? indices[0] : nil
        }
        let regimes = RowPlan.fastRegimes(options.catalog, columns: columns, known: known)
        // A term column named twice would leave a row's own terms a guess: the regimes reading
        // it go the general way (the header check refuses such a file before any row anyway).
        func repeatsATerm(_ regime: FastRegime) -> Bool {
            regime.regime.rowTermFields.contains { name in columns.filter { $0 == name }.count > 1 }
        }
        plainOutput = options.explain ? nil : options.format
        if !regimes.isEmpty,
            let id = only("id"), let regime = only("regime"), let amount = only("amount"), let due = only("due"), let paid = only("paid"),
            columns.filter({ $0 == "excluded" }).count <= 1, columns.filter({ $0 == "payments" }).count <= 1
        {
            fast = FastColumns(
                id: id, regime: regime, amount: amount, due: due, paid: paid, excluded: only("excluded"), payments: only("payments"),
                regimes: regimes.filter { !repeatsATerm($0) })
        } else {
            fast = nil
        }
    }

    /// The catalog's regimes whose plain rows the fast path computes: every charge by the day,
    /// by its plan (or the plan of the row's own terms, compiled), or by the day-charge kernel
    /// when the terms allow and a row has no payments.
    static func fastRegimes(_ catalog: RegimeCatalog, columns: [String], known: Set<String>) -> [FastRegime] {
        catalog.names.compactMap { name in
            guard let regime = catalog.regime(named: name) as? any PlannedRegime, regime.plainRowPlan != nil || !regime.rowTermFields.isEmpty
            else { return nil }
            return FastRegime(name: name, regime: regime, columns: columns, known: known)
        }
    }
}
