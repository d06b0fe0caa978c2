/// The closing days of Japanese banks: Saturdays, Sundays, national holidays, 12/31, 1/2 and 1/3
/// (銀行法施行令第5条). Payment days that fall on one usually move to the next bank day.
public struct BankCalendar: ClosingCalendar {
    public init() {}
    public var name: String { "bank" }

    public func closure(on date: CivilDate) -> String? {
        let (_, month, day) = date.components
        if (month == 12 && day == 31) || (month == 1 && (day == 2 || day == 3)) { return "銀行休業日 (12/31, 1/2, 1/3)" }
        return weekendClosure(date) ?? holidayClosure(date)
    }
}
