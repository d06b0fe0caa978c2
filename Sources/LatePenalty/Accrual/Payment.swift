/// A partial payment: an amount paid on a day before the final payment.
public struct Payment: Sendable, Hashable, CustomStringConvertible {
    public let date: CivilDate
    public let amount: Yen

    public init(date: CivilDate, amount: Yen) {
        self.date = date
        self.amount = amount
    }

    public var description: String { "\(date): \(amount)" }

    /// Parses `DATE:AMOUNT;DATE:AMOUNT…` (`2024-05-10:50000;2024-06-28:1,000,000`); empty text is
    /// no payment. Each amount must be positive.
    public static func parseList(_ text: some StringProtocol, field: String = "payments") throws(InputError) -> [Payment] {
        try DatedAmountList.parse(text, field: field) { "the payment on \($0) is ¥0; leave it out" }.map { Payment(date: $0.date, amount: $0.amount) }
    }
}

/// What a partial payment pays first.
public enum PaymentAllocation: String, Sendable, Hashable {
    /// The principal (the tax, the unpaid price) first: the charge runs on the reduced principal
    /// from the day after the payment (国税通則法第62条).
    case principalFirst = "principal-first"
    /// Accrued interest first, then principal (民法第489条).
    case interestFirst = "interest-first"
}
