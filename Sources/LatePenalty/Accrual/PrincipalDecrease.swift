/// A decrease of the principal from a day on: a 減額更正 or a 一部取消し of the tax, a claim
/// lowered by agreement or judgment. From `date` (that day included) the charge runs on the
/// lower principal; a decrease dated on or before the first day of delay lowers it for the
/// whole window, as a 減額更正 does when the reduced tax never was owed.
///
/// A decrease is not a payment: it pays no accrued interest (民法第489条 does not apply to it),
/// and it takes effect on its own day, where a payment lowers the principal from the day after.
public struct PrincipalDecrease: Sendable, Hashable, CustomStringConvertible {
    /// The first day on the lower principal.
    public let date: CivilDate
    public let amount: Yen

    public init(date: CivilDate, amount: Yen) {
        self.date = date
        self.amount = amount
    }

    public var description: String { "\(date): \(amount)" }

    /// Parses `DATE:AMOUNT;DATE:AMOUNT…` (`2024-04-01:300000`); empty text is no decrease. Each
    /// amount must be positive.
    public static func parseList(_ text: some StringProtocol, field: String = "decreases") throws(InputError) -> [PrincipalDecrease] {
        try DatedAmountList.parse(text, field: field) { "the decrease from \($0) is ¥0; leave it out" }.map {
            PrincipalDecrease(date: $0.date, amount: $0.amount)
        }
    }
}
