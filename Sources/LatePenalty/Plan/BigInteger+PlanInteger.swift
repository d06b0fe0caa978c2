extension BigInteger: PlanInteger {
    init?(exactly value: BigInteger) { self = value }

    var bigInteger: BigInteger { self }

    func adding(_ other: BigInteger) -> BigInteger? { self + other }
    func subtracting(_ other: BigInteger) -> BigInteger? { self - other }
    func multiplied(by other: BigInteger) -> BigInteger? { self * other }
}
