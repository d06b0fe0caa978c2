/// A named way of computing a charge from the fields of one case (a row of a file, the flags of
/// `penalty explain`): `contract-late-completion`, `local-tax-arrears`, `custom` …
public protocol Regime: Sendable {
    /// The name used in the `regime` column.
    var name: String { get }
    /// What it charges, for a person.
    var title: String { get }
    /// The fields it reads besides `id` and `regime`.
    var fields: [String] { get }
    /// Computes one case. Fields are the raw text of the row; an empty field is absent. A field
    /// the regime does not use is an error, never silently ignored.
    func compute(_ fields: [String: String]) throws(InputError) -> ChargeResult
}

extension Regime {
    /// Refuses non-empty fields this regime does not read.
    func rejectUnused(_ fields: [String: String]) throws(InputError) {
        let used = self.fields  // a computed list: build it once per row, not once per field
        let unused = fields.lazy.filter { !$0.value.isEmpty && $0.key != "id" && $0.key != "regime" && !used.contains($0.key) }
        // Sorted only when there is something to report, so that the message is stable.
        if let first = unused.map(\.key).min() {
            throw InputError(field: first, reason: "is not used by \(self.name); leave it empty")
        }
    }
}

/// Reading typed values from a case's text fields, with errors that name the field.
struct CaseFields {
    let values: [String: String]

    func text(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    func required(_ name: String, _ what: String) throws(InputError) -> String {
        guard let value = text(name) else { throw InputError(field: name, reason: "is empty; give \(what)") }
        return value
    }

    func amount() throws(InputError) -> Yen { try Yen.parse(values["amount"] ?? "", field: "amount") }

    func date(_ name: String, _ what: String) throws(InputError) -> CivilDate {
        try CivilDate.parse(try required(name, what + " as YYYY-MM-DD"), field: name)
    }

    func optionalDate(_ name: String) throws(InputError) -> CivilDate? {
        guard let value = text(name) else { return nil }
        return try CivilDate.parse(value, field: name)
    }

    func optionalRate(_ name: String) throws(InputError) -> Rate? {
        guard let value = text(name) else { return nil }
        return try Rate.parse(percent: value, field: name)
    }

    func optionalYen(_ name: String) throws(InputError) -> Yen? {
        guard let value = text(name) else { return nil }
        return try Yen.parse(value, field: name)
    }

    func excluded() throws(InputError) -> ExcludedDays { try ExcludedDays.parse(values["excluded"] ?? "", field: "excluded") }

    func payments() throws(InputError) -> [Payment] { try Payment.parseList(values["payments"] ?? "", field: "payments") }

    func decreases() throws(InputError) -> [PrincipalDecrease] { try PrincipalDecrease.parseList(values["decreases"] ?? "", field: "decreases") }

    /// A yes-or-no field (`yes`/`no`, `true`/`false`, `1`/`0`, `あり`/`なし`), nil when empty.
    func yesNo(_ name: String) throws(InputError) -> Bool? {
        guard let value = text(name) else { return nil }
        switch value.lowercased() {
        case "yes", "true", "1", "あり", "有": return true
        case "no", "false", "0", "なし", "無": return false
        default: throw InputError(field: name, reason: "\(InputError.quoted(value)) is not yes or no")
        }
    }

    func reduced() throws(InputError) -> ReducedPeriods { try ReducedPeriods.parse(values["reduced"] ?? "", field: "reduced") }

    /// The calendar named by `roll_due`, if any.
    func rollDue() throws(InputError) -> (any ClosingCalendar)? {
        guard let name = text("roll_due") else { return nil }
        guard let calendar = Calendars.named(name) else {
            let known = Calendars.all.map(\.name).joined(separator: ", ")
            throw InputError(field: "roll_due", reason: "unknown calendar \(InputError.quoted(name)); use one of \(known)")
        }
        return calendar
    }
}
