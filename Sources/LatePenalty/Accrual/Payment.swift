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
        var payments: [Payment] = []
        for item in text.split(separator: ";") {
            let part = item.trimmingSpaces
            if part.isEmpty { continue }
            guard let colon = part.firstIndex(of: ":") else {
                throw InputError(field: field, reason: "\(InputError.quoted(part)) is not DATE:AMOUNT (e.g. 2024-05-10:50000)")
            }
            // Spaces around the colon are a typist's, as around the field itself.
            let date = try CivilDate.parse(part[..<colon].trimmingSpaces, field: field)
            let amount = try Yen.parse(part[part.index(after: colon)...].trimmingSpaces, field: field)
            guard amount.value.signum > 0 else { throw InputError(field: field, reason: "the payment on \(date) is ¥0; leave it out") }
            payments.append(Payment(date: date, amount: amount))
        }
        return payments
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
