/// A named rounding step: a mode and the unit it rounds to, e.g. "floor to ¥100".
///
/// Every rounding in a computation is one of these, written into the explanation, never an
/// implicit truncation.
public struct Rounding: Sendable, Hashable, CustomStringConvertible {
    public let mode: RoundingMode
    /// The unit, in yen: 1, 100, 1,000, 10,000 …
    public let unit: BigInteger

    /// Rounds by `mode` to a multiple of `unit` yen.
    ///
    /// - Precondition: `unit` is positive.
    public init(_ mode: RoundingMode, toMultipleOf unit: BigInteger = 1) {
        precondition(unit.signum > 0, "Rounding: the unit must be positive")
        self.mode = mode
        self.unit = unit
    }

    /// Floor to ¥1 (1円未満切捨て): 国等の債権債務等の金額の端数計算に関する法律 第2条.
    public static let floorToYen = Rounding(.floor)
    /// Floor to ¥100 (100円未満切捨て), as 国税通則法第119条 and 地方税 延滞金 do to the result.
    public static let floorTo100Yen = Rounding(.floor, toMultipleOf: 100)
    /// Floor to ¥1,000 (1,000円未満切捨て), as 地方税 does to the base of 延滞金.
    public static let floorTo1000Yen = Rounding(.floor, toMultipleOf: 1000)
    /// Floor to ¥10,000 (1万円未満切捨て), as 国税通則法第118条 does to the base of 延滞税.
    public static let floorTo10000Yen = Rounding(.floor, toMultipleOf: 10000)

    /// The rounded amount.
    public func apply(_ value: Rational) -> Yen {
        Yen(value.rounded(mode, toMultipleOf: unit))
    }

    /// `floor to ¥100 (100円未満切捨て)`.
    public var description: String {
        let unitText = "¥\(Yen(unit).grouped)"
        let japanese: String
        switch mode {
        case .floor: japanese = "\(Yen(unit).grouped)円未満切捨て"
        case .ceiling: japanese = "\(Yen(unit).grouped)円未満切上げ"
        case .truncate: japanese = "\(Yen(unit).grouped)円未満切捨て(0方向)"
        case .halfUp: japanese = "\(Yen(unit).grouped)円未満四捨五入"
        case .halfEven: japanese = "\(Yen(unit).grouped)円未満偶数丸め"
        }
        return "\(mode.rawValue) to \(unitText) (\(japanese))"
    }
}
