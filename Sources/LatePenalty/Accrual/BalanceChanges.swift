/// The days a delay's principal changes on, in order: the day after each partial payment, and
/// the first day of each decrease. The plan's evaluation and the exact reference walk the same
/// changes in the same order, so a balance period is cut in one way only.
struct BalanceChanges<Amount>: IteratorProtocol {
    enum Change {
        /// A payment on `date`: the principal is lower from the next day.
        case payment(date: CivilDate, amount: Amount)
        /// A decrease from `date` on (減額更正 and the like).
        case decrease(date: CivilDate, amount: Amount)
    }

    private let payments: [(date: CivilDate, amount: Amount)]
    private let decreases: [(date: CivilDate, amount: Amount)]
    private var nextPayment = 0
    private var nextDecrease = 0

    /// Payments and decreases, each summed by date and in date order (``Accrual/byDate(_:end:field:what:hint:adding:)``).
    init(payments: [(date: CivilDate, amount: Amount)], decreases: [(date: CivilDate, amount: Amount)]) {
        self.payments = payments
        self.decreases = decreases
    }

    /// The next change and the first day on the principal it leaves. A payment comes before a
    /// decrease that takes effect on the same day; the order changes no charge (both only lower
    /// the principal that day, and a decrease pays no interest), only the order of the notes.
    mutating func next() -> (day: CivilDate, change: Change)? {
        let paymentDay = nextPayment < payments.count ? payments[nextPayment].date.nextDay : nil
        let decreaseDay = nextDecrease < decreases.count ? decreases[nextDecrease].date : nil
        if let paymentDay, decreaseDay.map({ paymentDay <= $0 }) ?? true {
            let (date, amount) = payments[nextPayment]
            nextPayment += 1
            return (paymentDay, .payment(date: date, amount: amount))
        }
        guard let decreaseDay else { return nil }
        let (date, amount) = decreases[nextDecrease]
        nextDecrease += 1
        return (decreaseDay, .decrease(date: date, amount: amount))
    }
}
