/// How a value that is not a whole number of units is brought to one.
///
/// Rounding is always an explicit, named choice in this library, as in Python's `decimal`
/// (`ROUND_FLOOR`, `ROUND_CEILING`, `ROUND_DOWN`, `ROUND_HALF_UP`, `ROUND_HALF_EVEN`).
public enum RoundingMode: String, Sendable, CaseIterable, Hashable {
    /// Toward negative infinity (切り捨て for positive amounts). The rule of 国等の債権債務等の
    /// 金額の端数計算に関する法律 第2条 for public claims and debts.
    case floor
    /// Toward positive infinity (切り上げ for positive amounts).
    case ceiling
    /// Toward zero, whatever the sign.
    case truncate
    /// To the nearest unit; a tie goes away from zero (四捨五入).
    case halfUp = "half-up"
    /// To the nearest unit; a tie goes to the even unit (banker's rounding).
    case halfEven = "half-even"
}
