/// The closing days of government offices: Saturdays, Sundays, national holidays and the year-end
/// days 12/29–1/3 (地方自治法第4条の2; 行政機関の休日に関する法律第1条). A deadline that falls on one
/// moves to the next open day (国税通則法第10条第2項, 地方自治法第4条の2第4項).
public struct GovernmentOfficeCalendar: ClosingCalendar {
    public init() {}
    public var name: String { "government" }

    public func closure(on date: CivilDate) -> String? {
        let (_, month, day) = date.components
        if (month == 12 && day >= 29) || (month == 1 && day <= 3) { return "年末年始 (12/29–1/3)" }
        return weekendClosure(date) ?? holidayClosure(date)
    }
}
