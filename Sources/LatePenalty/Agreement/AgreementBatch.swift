/// `penalty agreements`: a register of agreements (協定・契約の台帳) read as CSV or JSON Lines, one
/// output row per agreement with its standing and deadlines on one day, in input order. A bad row
/// becomes an error row and a diagnostic naming its line, field and reason; the run goes on.
public enum AgreementBatch {
    /// Columns every CSV register must have.
    public static let requiredColumns = ["id", "start", "first_expiry"]
    /// Every column a row may give: `renewal` and `notice` default to the seed's (`1y`, `1m`);
    /// `non_renewal` holds dates and `termination` notices (`GIVEN` or `GIVEN:INTENDED`), each
    /// separated by `;`; `terminate_on` asks by when to notify for a termination on that day.
    public static let columns = ["id", "start", "first_expiry", "renewal", "notice", "non_renewal", "termination", "terminate_on"]
    /// The output columns.
    public static let outputColumns = [
        "id", "line", "status", "term", "term_last_day", "next_renewal", "renewal_notice_deadline", "last_day_in_force", "termination_date",
        "termination_notice_deadline", "earliest_termination_on_notice_today", "error",
    ]

    /// How to run a register.
    public struct Options: Sendable {
        /// The day every agreement is asked about.
        public var asOf: CivilDate
        /// When set, only agreements with a notice deadline from ``asOf`` through this many days
        /// later are listed (and every row in error): the month's report of notices due.
        public var dueWithin: Int?
        public var format: OutputFormat = .csv
        /// Adds each agreement's explanation (a JSON column in CSV, a nested object in JSON Lines).
        public var explain = false
        /// As for `penalty compute`: CSV fields a spreadsheet would read as a formula get a `'`.
        public var guardsFormulas = true

        /// The most days `dueWithin` may be: a hundred years.
        public static let maxDueWithin = 36_525

        public init(asOf: CivilDate) { self.asOf = asOf }
    }

    /// Counts for the end-of-run summary.
    public struct Summary: Sendable, Hashable {
        public var read = 0
        /// Rows written (all of them unless `dueWithin` selects).
        public var listed = 0
        public var rejected = 0
    }

    /// The agreement a row describes, and the termination day it asks about.
    public static func agreement(from values: [String: String]) throws(InputError) -> (agreement: AutoRenewingAgreement, terminateOn: CivilDate?) {
        let fields = CaseFields(values: values)
        let start = try fields.date("start", "the day the agreement was concluded")
        let renewal = try AutoRenewingAgreement.renewalTerm(fields.text("renewal") ?? "1y")
        var agreement = try AutoRenewingAgreement.validated(
            start: start, firstExpiry: try fields.date("first_expiry", "the last day of the first term"), renewalTerm: renewal,
            notice: try CivilPeriod.parse(fields.text("notice") ?? "1m", field: "notice"))
        agreement.nonRenewalNotices = try list(fields.text("non_renewal")) { text throws(InputError) in
            let date = try CivilDate.parse(text, field: "non_renewal")
            guard date >= start else {
                throw InputError(field: "non_renewal", reason: "\(date) is before the start \(start); a notice cannot precede the agreement")
            }
            return date
        }
        agreement.terminationNotices = try list(fields.text("termination")) { text throws(InputError) in
            let notice = try AutoRenewingAgreement.TerminationNotice.parse(text)
            guard notice.given >= start else {
                throw InputError(field: "termination", reason: "\(notice.given) is before the start \(start); a notice cannot precede the agreement")
            }
            if let intended = notice.intendedDate, intended < notice.given {
                throw InputError(field: "termination", reason: "the intended last day \(intended) is before the notice \(notice.given)")
            }
            return notice
        }
        return (agreement, try fields.optionalDate("terminate_on"))
    }

    /// The `;`-separated items of `text`, each read by `item`; at most 1,000.
    private static func list<T>(_ text: String?, _ item: (String) throws(InputError) -> T) throws(InputError) -> [T] {
        guard let text else { return [] }
        let parts = text.split(separator: ";").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
        guard parts.count <= 1_000 else { throw InputError(field: nil, reason: "gives \(parts.count) notices; at most 1,000 are read") }
        var items: [T] = []
        for part in parts { items.append(try item(part)) }
        return items
    }

    /// Whether a report has a notice deadline from its day through `days` later.
    static func isDue(_ report: AgreementReport, within days: Int) -> Bool {
        let last = report.asOf.adding(days: days) ?? .last
        return [report.renewalNoticeDeadline, report.terminationNoticeDeadline].contains { deadline in
            deadline.map { $0 >= report.asOf && $0 <= last } ?? false
        }
    }

    /// Runs every row of `reader` and writes one output row per agreement (or per selected
    /// agreement and per error) to `output`, in input order.
    public static func run(
        _ reader: inout some RecordReader, options: Options, output: (String) -> Void, diagnostics: (String) -> Void
    ) throws(Batch.FileError) -> Summary {
        if let csv = reader as? CSVRecordReader {
            for column in requiredColumns where !csv.columns.contains(column) {
                throw Batch.FileError(
                    description: "line 1: the header has no '\(column)' column; a register needs \(requiredColumns.joined(separator: ",")) (docs/agreements.md)"
                )
            }
            if let note = Batch.unusedColumnsNote(csv.columns, known: Set(columns)) { diagnostics(note) }
        }
        if options.format == .csv { output(CSVWriter.row(outputColumns + (options.explain ? ["explanation"] : []))) }
        var summary = Summary()
        var firstLineOfId = FirstLines()
        while let given = try reader.next() {
            summary.read += 1
            let record = Batch.checkingRepeat(Batch.requiringId(given), firstLineOfId: &firstLineOfId)
            let id = record.fields["id"] ?? ""
            do throws(InputError) {
                if let error = record.error { throw error }
                let (agreement, terminateOn) = try agreement(from: record.fields)
                let report = agreement.report(asOf: options.asOf, terminationOn: terminateOn)
                if let days = options.dueWithin, !isDue(report, within: days) { continue }
                summary.listed += 1
                output(line(id: id, line: record.line, report: report, error: nil, options: options))
            } catch {
                summary.rejected += 1
                summary.listed += 1
                diagnostics("line \(record.line): \(id.isEmpty ? "" : "id \(Batch.printable(id)): ")\(Batch.printable(error.description))")
                output(line(id: id, line: record.line, report: nil, error: error, options: options))
            }
        }
        return summary
    }

    /// One output row.
    static func line(id: String, line: Int, report: AgreementReport?, error: InputError?, options: Options) -> String {
        var values: [String?] = [id, String(line)]
        if let report {
            switch report.standing {
            case .notYetInForce: values += ["not-yet-in-force", nil]
            case .inForce(let term, _): values += ["in-force", String(term)]
            case .ended: values += ["ended", nil]
            }
            values += [
                report.termLastDay, report.nextRenewal, report.renewalNoticeDeadline, report.lastDayInForce, report.terminationDate,
                report.terminationNoticeDeadline, report.earliestTerminationOnNoticeToday,
            ].map { $0?.iso8601 }
            values.append(nil)
        } else {
            values += ["error"] + Array(repeating: nil, count: 8) + [error?.description ?? ""]
        }
        switch options.format {
        case .csv:
            var fields = values.map { $0 ?? "" }
            if options.explain { fields.append(report?.explanation.json ?? "") }
            return CSVWriter.row(fields, guardsFormulas: options.guardsFormulas)
        case .jsonl:
            var json = JSONWriter()
            json.object { json in
                for (name, value) in zip(outputColumns, values) {
                    json.key(named: name)
                    if name == "line" || name == "term", let value, let number = Int(value) {
                        json.integer(number)
                    } else if let value {
                        json.string(value)
                    } else {
                        json.null()
                    }
                }
                if options.explain {
                    json.key("explanation")
                    if let report { report.explanation.write(to: &json) } else { json.null() }
                }
            }
            return json.text + "\n"
        }
    }
}
