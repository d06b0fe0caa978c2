/// The facts of one delay: what was owed, the deadline, the day it was finally paid (or the work
/// completed), the days not counted, partial payments and decreases of the principal, and the
/// contract date for regimes whose rate is fixed by it.
public struct DelayCase: Sendable {
    /// The principal owed at the deadline.
    public var principal: Yen
    /// The deadline; the delay starts the day after (民法第140条).
    public var due: CivilDate
    /// The last day of delay: the day of final payment or completion (counted).
    public var end: CivilDate
    public var excluded: ExcludedDays
    /// Partial payments before `end`, in any order.
    public var payments: [Payment]
    /// Decreases of the principal (減額更正 and the like), in any order, none after `end`.
    public var decreases: [PrincipalDecrease]
    public var contractDate: CivilDate?
    /// When set, a deadline on a closed day of this calendar moves to its next open day before
    /// the delay is counted (国税通則法第10条第2項, 地方自治法第4条の2第4項).
    public var rollDue: (any ClosingCalendar)?
    /// Periods whose charge is halved, exempt or charged at a lower rate (猶予 and the like).
    public var reduced: ReducedPeriods
    /// The day the low-rate period is counted from, when it is not `due`: the 具体的納期限 of a
    /// tax amended after its 法定納期限 (the day a 修正申告書 is filed or an 更正通知書 sent,
    /// 国税通則法第60条第2項 with 第35条第2項), while the delay itself runs from `due`.
    public var lowPeriodFrom: CivilDate?

    /// The decreases as an explanation lists them among its inputs, or nil when there are none.
    var decreasesFact: Explanation.Fact? {
        decreases.isEmpty ? nil : .init("decreases", "decreases of the principal (減額)", decreases.map(\.description).joined(separator: "; "))
    }

    public init(
        principal: Yen, due: CivilDate, end: CivilDate, excluded: ExcludedDays = .none, payments: [Payment] = [],
        contractDate: CivilDate? = nil, rollDue: (any ClosingCalendar)? = nil, reduced: ReducedPeriods = .none,
        lowPeriodFrom: CivilDate? = nil, decreases: [PrincipalDecrease] = []
    ) {
        self.decreases = decreases
        self.reduced = reduced
        self.lowPeriodFrom = lowPeriodFrom
        self.principal = principal
        self.due = due
        self.end = end
        self.excluded = excluded
        self.payments = payments
        self.contractDate = contractDate
        self.rollDue = rollDue
    }
}
