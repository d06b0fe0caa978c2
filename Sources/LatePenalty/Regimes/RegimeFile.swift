import Foundation

/// The JSON form of a regime, as in `Regimes/Bundled/*.json` and in a user's `--rates` file.
/// Documented field by field in docs/regimes/README.md.
///
/// In a user's file every field but `name` may be left out when the name is a bundled regime's:
/// the fields given replace the bundled ones (most often just `rates.table`, to add a new year).
struct RegimeFile: Codable, Sendable {
    struct Rates: Codable, Sendable {
        var pick: String?
        var lowPeriodMonths: Int?
        /// `calendar-year` to cut at each 1 January as well as at rate changes.
        var split: String?
        var table: [Row]?
        /// Periods outside the table that sources speak of but that are not verified: refused,
        /// with what is known of them.
        var unverified: [UnverifiedRow]?

        enum CodingKeys: String, CodingKey {
            case pick, table, split, unverified
            case lowPeriodMonths = "low_period_months"
        }
    }

    /// A period the table does not ship: its dates, the rates a source gives (if any) and what
    /// is known of it.
    struct UnverifiedRow: Codable, Sendable {
        var from: String
        var to: String
        var rate: String?
        var highRate: String?
        var source: String

        enum CodingKeys: String, CodingKey {
            case from, to, rate, source
            case highRate = "high_rate"
        }
    }

    struct Row: Codable, Sendable {
        var from: String
        var to: String?
        var rate: String
        var highRate: String?
        /// The 猶予特例基準割合 of the row's days, for `reduced` periods of kind 猶予特例.
        var graceRate: String?
        var source: String

        enum CodingKeys: String, CodingKey {
            case from, to, rate, source
            case highRate = "high_rate"
            case graceRate = "grace_rate"
        }
    }

    struct Amounts: Codable, Sendable {
        var rounding: String?
        var unit: String?
        var minimum: String?
    }

    /// The rule for a tax amended after its return (修正申告・更正): the low-rate period runs
    /// from the day of the amendment (its 具体的納期限), and, when the amendment comes more than
    /// `excluded_after_months` after the due date, the days from then until the amendment are
    /// not counted, unless the row says the amendment bears 重加算税 (`fraud`). With
    /// `late_return_rule`, a row may give the day of a late return (期限後申告, `late_return_on`):
    /// the months then run from that day instead of the due date.
    struct AmendedReturn: Codable, Sendable {
        var excludedAfterMonths: Int?
        var rule: String?
        var lateReturnRule: String?

        enum CodingKeys: String, CodingKey {
            case rule
            case excludedAfterMonths = "excluded_after_months"
            case lateReturnRule = "late_return_rule"
        }
    }

    var name: String
    var title: String?
    var clause: String?
    var document: String?
    var summary: String?
    var rates: Rates?
    var basis: String?
    var base: Amounts?
    var segments: String?
    var result: Amounts?
    var payments: String?
    var amendedReturn: AmendedReturn?

    enum CodingKeys: String, CodingKey {
        case name, title, clause, document, summary, rates, basis, base, segments, result, payments
        case amendedReturn = "amended_return"
    }

    /// One regime or `{"regimes": [...]}`.
    static func decodeAll(_ data: Data) throws -> [RegimeFile] {
        struct Many: Codable { var regimes: [RegimeFile] }
        if let many = try? JSONDecoder().decode(Many.self, from: data) { return many.regimes }
        return [try JSONDecoder().decode(RegimeFile.self, from: data)]
    }

    /// This file's fields laid over `base` (a bundled regime of the same name).
    func overlaid(on base: RegimeFile) -> RegimeFile {
        var merged = base
        merged.title = title ?? base.title
        merged.clause = clause ?? base.clause
        merged.document = document ?? base.document
        merged.summary = summary ?? base.summary
        if let rates {
            merged.rates = Rates(
                pick: rates.pick ?? base.rates?.pick,
                lowPeriodMonths: rates.lowPeriodMonths ?? base.rates?.lowPeriodMonths,
                split: rates.split ?? base.rates?.split,
                table: rates.table ?? base.rates?.table,
                // The unverified periods belong to the table they surround: a file that gives
                // its own table gives its own (or none).
                unverified: rates.table == nil ? (rates.unverified ?? base.rates?.unverified) : rates.unverified)
        }
        merged.basis = basis ?? base.basis
        merged.base = self.base ?? base.base
        merged.segments = segments ?? base.segments
        merged.result = result ?? base.result
        merged.payments = payments ?? base.payments
        merged.amendedReturn = amendedReturn ?? base.amendedReturn
        return merged
    }
}
