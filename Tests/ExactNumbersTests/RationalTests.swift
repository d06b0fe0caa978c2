import ExactNumbers
import PropertyBased
import Testing

@Suite("Rational")
struct RationalTests {
    static let small = Gen.int(in: -(1 << 20)...(1 << 20))
    static let positive = Gen.int(in: 1...(1 << 20))

    @Test func agreesWithIntegerFractionArithmetic() async {
        await propertyCheck(count: 300, input: Self.small, Self.positive, Self.small, Self.positive) { a, b, c, d in
            let x = Rational(a, b), y = Rational(c, d)
            #expect(x + y == Rational(a * d + c * b, b * d))
            #expect(x - y == Rational(a * d - c * b, b * d))
            #expect(x * y == Rational(a * c, b * d))
            if c != 0 { #expect(x / y == Rational(a * d, b * c)) }
            #expect((x < y) == (a * d < c * b))
        }
    }

    @Test func lowestTermsWithPositiveDenominator() {
        let x = Rational(6, -4)
        #expect(x.numerator == -3)
        #expect(x.denominator == 2)
        #expect(x.description == "-3/2")
        #expect(Rational(10, 110).description == "1/11")
        #expect(Rational(8, 4).description == "2")
        #expect(Rational(8, 4).isInteger)
    }

    @Test func floorToUnitIsWithinOneUnitBelow() async {
        let units = Gen.int(in: 0...3).map { [1, 100, 1000, 10000][$0] }
        await propertyCheck(count: 300, input: Self.small, Self.positive, units) { n, d, unit in
            let x = Rational(n, d)
            let floored = Rational(x.rounded(.floor, toMultipleOf: BigInteger(unit)))
            #expect(floored <= x)
            #expect(x - floored < Rational(unit))
            #expect(floored.isInteger)
            #expect(floored.numerator.floorRemainder(dividingBy: BigInteger(unit)).isZero)
            let ceiled = Rational(x.rounded(.ceiling, toMultipleOf: BigInteger(unit)))
            #expect(ceiled >= x && ceiled - x < Rational(unit))
        }
    }

    @Test func decimalParsingIsExact() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...999), Gen.int(in: 1...3)) { whole, fraction, scale in
            let fractionText = String(fraction % [10, 100, 1000][scale - 1])
            let padded = String(repeating: "0", count: scale - fractionText.count) + fractionText
            let expected = Rational(whole * [10, 100, 1000][scale - 1] + Int(padded)!, [10, 100, 1000][scale - 1])
            #expect(Rational(decimal: "\(whole).\(padded)") == expected)
        }
        #expect(Rational(decimal: "2.5") == Rational(5, 2))
        #expect(Rational(decimal: "14.6") == Rational(73, 5))
        #expect(Rational(decimal: "-0.025") == Rational(-1, 40))
        for bad in ["", ".", "5.", ".5", "1.2.3", "+1", "1e2", " 1", "1,5", "2.5%", "--1"] {
            #expect(Rational(decimal: bad) == nil, "\(bad) should be rejected")
        }
    }

    @Test func decimalString() {
        #expect(Rational(2, 3).decimalString(fractionDigits: 4) == "0.6666…")
        #expect(Rational(5, 2).decimalString(fractionDigits: 4) == "2.5")
        #expect(Rational(-1, 8).decimalString(fractionDigits: 6) == "-0.125")
        #expect(Rational(-1, 3).decimalString(fractionDigits: 2) == "-0.33…")
        #expect(Rational(1_650_000, 73).decimalString(fractionDigits: 6) == "22602.739726…")
        #expect(Rational(7).decimalString(fractionDigits: 3) == "7")
    }

    @Test func valueSemantics() {
        var a = Rational(1, 3)
        let b = a
        a += Rational(1, 3)
        #expect(a == Rational(2, 3))
        #expect(b == Rational(1, 3))
    }
}
