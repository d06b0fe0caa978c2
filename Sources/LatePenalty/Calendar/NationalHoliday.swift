/// A day off under 国民の祝日に関する法律 (the National Holidays Act, 1948-07-20).
public struct NationalHoliday: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A 国民の祝日 named in the Act (元日, 春分の日 …) or by a special law (即位礼正殿の儀 …).
        case holiday
        /// 振替休日: a holiday on a Sunday moves to the next day that is not a holiday (Act §3(2),
        /// from 1973-04-12; before 2007 only to the Monday).
        case substitute
        /// 国民の休日: a day between two holidays (Act §3(3), from 1985-12-27).
        case citizens
    }

    public let date: CivilDate
    /// The Japanese name: 元日, 振替休日, 国民の休日 …
    public let name: String
    public let kind: Kind
    /// The label the Cabinet Office's list (syukujitsu.csv) uses: 休日 for 振替休日 and 国民の休日,
    /// and a few labels of its own for 2019.
    public let listName: String
    /// Computed for a year after the last published list: the rules are applied, but 春分の日 and
    /// 秋分の日 are fixed only when the 官報 publishes them (February of the year before), and the
    /// law may change.
    public let provisional: Bool

    public var description: String { "\(date) \(name)\(provisional ? " (provisional)" : "")" }
}
