/// Periods inside a delay in which the charge is reduced: halved, exempt, or charged at a lower
/// rate. They are what a 猶予 notice states: 納税の猶予 and 換価の猶予 halve the 延滞税 of their
/// period or exempt it (国税通則法第63条第1項), and where the 猶予特例基準割合 is the lower
/// rate the period is charged at it instead (租税特別措置法第94条第2項); 地方税法第15条の9 and
/// its 附則第3条の2 do the same for 延滞金.
///
/// Written in the `reduced` column as `FROM..TO:KIND` items separated by `;`, each both days
/// included, KIND being `half` (2分の1免除, of the days after the low-rate period), `exempt`
/// (全額免除) or a percentage such as `1.3` (the rate of those days, or the regime's own rate
/// where that is lower: since 2014 the 猶予特例基準割合 of each year replaces the half for every
/// day of the period, the low-rate months included, 租税特別措置法第94条第2項):
/// `2026-03-01..2026-08-31:half;2026-09-01..2026-12-31:1.3`. Periods may not overlap; parts
/// outside the window do nothing. Each period is shown as its own segments in the explanation.
public struct ReducedPeriods: Sendable, Hashable {
    /// How the charge of a reduced period's days is reduced.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// Half the charge of the days after the low-rate period (2分の1免除: 国税通則法第63条第1項
        /// halves the 延滞税 of a 猶予 period "当該国税の納期限の翌日から二月を経過する日後の期間に
        /// 限る"); the days of the low-rate period keep their rate. Under a plan without a low
        /// period every day is halved.
        case half
        /// No charge at all (全額免除): as if the days were excluded, but shown.
        case exempt
        /// The days charged at this rate, or at the regime's own rate where that is lower (the
        /// 猶予特例基準割合 of the year, as the 猶予 notice states it).
        case rate(Rate)
        /// The days charged at the 猶予特例基準割合 of the regime's rate table for their year
        /// (`grace_rate`), or at the regime's own rate where that is lower; a day the table
        /// gives no such rate for is an error asking for the rate.
        case grace

        public var description: String {
            switch self {
            case .half: return "half (2分の1免除)"
            case .exempt: return "exempt (全額免除)"
            case .rate(let rate): return "at most \(rate) (猶予特例基準割合等)"
            case .grace: return "猶予特例基準割合 of the year (猶予特例)"
            }
        }
    }

    /// One reduced period.
    public struct Period: Sendable, Hashable, CustomStringConvertible {
        public let window: DateWindow
        public let kind: Kind

        public init(window: DateWindow, kind: Kind) {
            self.window = window
            self.kind = kind
        }

        public var description: String { "\(window): \(kind)" }
    }

    /// The periods in date order, none overlapping another.
    public let periods: [Period]

    /// No reduced period.
    public static let none = ReducedPeriods(sorted: [])

    /// The most periods one case may give: each adds segments to every balance period it
    /// meets, so a row of thousands would be work out of proportion to any real 猶予.
    public static let maxPeriods = 1000

    private init(sorted: [Period]) { periods = sorted }

    /// The periods, sorted; overlapping periods are an error naming the two.
    public init(_ given: [Period], field: String = "reduced") throws(InputError) {
        guard given.count <= ReducedPeriods.maxPeriods else {
            throw InputError(field: field, reason: "has \(given.count) periods; one case may give at most \(ReducedPeriods.maxPeriods)")
        }
        let sorted = given.sorted { $0.window.first < $1.window.first }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.window.first <= a.window.last {
            throw InputError(field: field, reason: "the periods \(a.window) and \(b.window) overlap; a day is reduced once, so give each day to one period")
        }
        periods = sorted
    }

    public var isEmpty: Bool { periods.isEmpty }

    /// The index of the period holding `day`, if any.
    func index(containing day: CivilDate) -> Int? {
        let candidate = firstIndex(endingOnOrAfter: day)
        guard candidate < periods.count, periods[candidate].window.first <= day else { return nil }
        return candidate
    }

    /// The day number of the first day after `day` on which being in a period or not changes,
    /// if any (a number, since the day after a period ending 9999-12-31 is no date).
    func nextBoundary(after day: CivilDate) -> Int? {
        let candidate = firstIndex(endingOnOrAfter: day)
        guard candidate < periods.count else { return nil }
        let window = periods[candidate].window
        return window.first <= day ? window.last.dayNumber + 1 : window.first.dayNumber
    }

    /// The index of the first period whose last day is on or after `day` (binary search).
    private func firstIndex(endingOnOrAfter day: CivilDate) -> Int {
        var low = 0, high = periods.count
        while low < high {
            let middle = (low + high) / 2
            if periods[middle].window.last < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Parses `FROM..TO:KIND` items separated by `;` (see the type's documentation), dates in
    /// any form ``CivilDate/parse(_:field:)`` reads. Empty text is no reduced period.
    public static func parse(_ text: some StringProtocol, field: String = "reduced") throws(InputError) -> ReducedPeriods {
        var periods: [Period] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            let part = item.trimmingSpaces
            if part.isEmpty { continue }
            guard periods.count < maxPeriods else {
                throw InputError(field: field, reason: "has more than \(maxPeriods) periods; one case may give at most \(maxPeriods)")
            }
            guard let colon = part.lastIndex(where: { $0 == ":" || $0 == "：" }) else {
                throw InputError(
                    field: field,
                    reason: "\(InputError.quoted(part)) has no kind; write FROM..TO:half, FROM..TO:exempt or FROM..TO:RATE, e.g. 2026-03-01..2026-08-31:half")
            }
            let range = part[..<colon].trimmingSpaces, kindText = part[part.index(after: colon)...].trimmingSpaces
            guard let dots = range.firstRange(of: ".."),
                !range[..<dots.lowerBound].trimmingSpaces.isEmpty, !range[dots.upperBound...].trimmingSpaces.isEmpty
            else {
                throw InputError(field: field, reason: "\(InputError.quoted(range)) is not a range; write FROM..TO with both days, e.g. 2026-03-01..2026-08-31")
            }
            let from = try CivilDate.parse(range[..<dots.lowerBound].trimmingSpaces, field: field)
            let to = try CivilDate.parse(range[dots.upperBound...].trimmingSpaces, field: field)
            guard from <= to else {
                throw InputError(field: field, reason: "range \(InputError.quoted(range)) ends before it starts; write FROM..TO with FROM on or before TO")
            }
            periods.append(Period(window: DateWindow(first: from, last: to), kind: try kind(kindText, field: field)))
        }
        return try ReducedPeriods(periods, field: field)
    }

    private static func kind(_ text: some StringProtocol, field: String) throws(InputError) -> Kind {
        switch String(text) {
        case "half", "1/2", "半額", "2分の1", "二分の一": return .half
        case "exempt", "免除", "全額免除": return .exempt
        case "grace", "猶予特例", "猶予特例基準割合": return .grace
        case "":
            throw InputError(field: field, reason: "a period has no kind after ':'; write half, exempt or a rate such as 1.3")
        default:
            guard text.first.map({ $0.isNumber }) == true else {
                throw InputError(
                    field: field, reason: "\(InputError.quoted(text)) is not a kind of reduction; write half, exempt, grace (猶予特例) or a rate such as 1.3")
            }
            return .rate(try Rate.parse(percent: text, field: field))
        }
    }
}

extension ReducedPeriods.Period {
    /// The rate of a day in this period whose own rate is `rate`; `halving` says whether a half
    /// period halves that day (``RateResolver/halves(on:)``), `grace` is the day's
    /// 猶予特例基準割合 (nil unless the period is of that kind).
    func applied(to rate: Rate, halving: Bool, grace: Rate?) -> Rate {
        switch kind {
        case .half: return halving ? Rate(annual: rate.annual / Rational(2)) : rate
        case .exempt: return Rate(annual: Rational(0))
        case .rate(let given): return given.annual < rate.annual ? given : rate
        case .grace: return grace.map { $0.annual < rate.annual ? $0 : rate } ?? rate
        }
    }

    /// The rate and note a segment of this period shows, from the day's own rate and note.
    func described(_ own: (Rate, String?), halving: Bool, grace: Rate?) -> (Rate, String?) {
        let rate = applied(to: own.0, halving: halving, grace: grace)
        let change = kind == .half && !halving ? "\(own.0) unchanged (the half applies after the low-rate period only)" : "\(own.0) → \(rate)"
        let note = "reduced period \(window), \(kind): \(change)"
        return (rate, own.1.map { note + "; " + $0 } ?? note)
    }
}

extension ReducedPeriods {
    /// The periods as an input line of the explanation, when there are any.
    var fact: Explanation.Fact? {
        isEmpty ? nil : Explanation.Fact("reduced", "reduced periods (猶予等)", periods.map(\.description).joined(separator: "; "))
    }
}
