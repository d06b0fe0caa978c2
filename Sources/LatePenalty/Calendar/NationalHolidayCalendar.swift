/// Closed on national holidays only (国民の祝日・振替休日・国民の休日); weekends are open.
public struct NationalHolidayCalendar: ClosingCalendar {
    public init() {}
    public var name: String { "national-holidays" }
    public func closure(on date: CivilDate) -> String? { holidayClosure(date) }
}
