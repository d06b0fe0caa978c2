import ExactNumbers
import PropertyBased
import Testing

/// Values that fit in an `Int` are held inline and computed with machine arithmetic; these
/// tests hold every such operation to GMP's result on the same operands, around each edge of
/// the inline range (Int.min, Int.max, products and sums that just overflow).
@Suite("Inline values agree with GMP")
struct InlineValueTests {
    /// Integers of every size that matters: small, near each end of Int, just outside it, and
    /// up to 128 bits.
    static let integer = zip(Gen.int(in: 0...6), Gen.int(), Gen.int128(), Gen.int(in: 0...1000)).map { kind, word, wide, offset -> Int128 in
        switch kind {
        case 0: return Int128(word)
        case 1: return Int128(word >> 40)
        case 2: return Int128(Int.max) - Int128(offset) + 1  // Int.max + 1 down to Int.max - 999
        case 3: return Int128(Int.min) + Int128(offset) - 1  // Int.min - 1 up to Int.min + 999
        case 4: return wide >> 50
        case 5: return Int128(offset) - 500
        default: return wide
        }
    }

    static func big(_ value: Int128) -> BigInteger { BigInteger(String(value))! }

    static func expectCanonical(_ value: BigInteger, _ comment: Comment? = nil) {
        let fits = Int128(exactly: value).map { Int(exactly: $0) != nil } ?? false
        #expect(value.isInline == fits, comment)
        #expect(value.description == value.descriptionOnGMP, comment)
    }

    @Test func conversionsAgree() async {
        await propertyCheck(count: 1000, input: Self.integer) { x in
            let parsed = Self.big(x), converted = BigInteger(x)
            #expect(parsed == converted)
            #expect(parsed.hashValue == converted.hashValue)
            #expect(Int128(exactly: parsed) == x)
            #expect(converted.description == String(x))
            Self.expectCanonical(parsed)
            Self.expectCanonical(converted)
        }
        // Just outside Int128: no Int128 value.
        #expect(Int128(exactly: BigInteger(Int128.max) + 1) == nil)
        #expect(Int128(exactly: BigInteger(Int128.min) - 1) == nil)
        #expect(Int128(exactly: BigInteger(Int128.min)) == Int128.min)
    }

    @Test func integerArithmeticAgrees() async {
        await propertyCheck(count: 1500, input: Self.integer, Self.integer) { x, y in
            let a = Self.big(x), b = Self.big(y)
            let cases: [(BigInteger, ReferenceOperation)] = [(a + b, .sum), (a - b, .difference), (a * b, .product)]
            for (result, operation) in cases {
                #expect(result == BigInteger.onGMP(a, operation, b), "\(x) \(operation) \(y)")
                Self.expectCanonical(result, "\(x) \(operation) \(y)")
            }
            #expect((a < b) == (BigInteger.comparedOnGMP(a, b) < 0))
            #expect((a == b) == (BigInteger.comparedOnGMP(a, b) == 0))
            #expect(-a == BigInteger.onGMP(BigInteger(0), .difference, a))
            #expect(a.magnitude == (a.signum < 0 ? -a : a))
            #expect(a.signum == BigInteger.comparedOnGMP(a, 0))
            if let small = Int(exactly: y) {
                #expect(a * small == BigInteger.onGMP(a, .product, b))
            }
            guard !b.isZero else { return }
            for mode in RoundingMode.allCases {
                let quotient = a.divided(by: b, rounding: mode)
                #expect(quotient == BigInteger.onGMP(a, .quotient(mode), b), "\(x) / \(y) \(mode)")
                Self.expectCanonical(quotient)
            }
            #expect(a.floorRemainder(dividingBy: b) == BigInteger.onGMP(a, .floorRemainder, b), "\(x) mod \(y)")
        }
    }

    @Test func edgesOfTheInlineRange() {
        let max = BigInteger(Int.max), min = BigInteger(Int.min)
        #expect((max + 1).description == "9223372036854775808")
        #expect(!(max + 1).isInline)
        #expect((max + 1 - 1).isInline)
        #expect((-min).description == "9223372036854775808")
        #expect(min.magnitude.description == "9223372036854775808")
        #expect(min.divided(by: -1, rounding: .floor).description == "9223372036854775808")
        #expect((min * -1) == -min)
        #expect(BigInteger.powerOfTen(18).isInline && !BigInteger.powerOfTen(19).isInline)
        #expect(BigInteger("-0")! == 0)
        #expect(BigInteger("000000000000000000000000000042")!.isInline)
        #expect(min.decimalDigitCount == 19 && BigInteger(0).decimalDigitCount == 1)
    }

    /// Fractions whose terms fall in and around the inline range.
    static let fraction = zip(Self.integer, Self.integer.filter { $0 != 0 }).map { n, d in
        Rational(numerator: InlineValueTests.big(n), denominator: InlineValueTests.big(d))
    }

    static func expectCanonical(_ value: Rational, _ comment: Comment? = nil) {
        let fits = Int(exactly: value.numerator) != nil && Int(exactly: value.denominator) != nil
        #expect(value.isInline == fits, comment)
        #expect(value.denominator.signum > 0, comment)
        #expect(value == Rational.reducedOnGMP(value.numerator, value.denominator), comment)
    }

    @Test func fractionsAreReducedAsGMPReducesThem() async {
        await propertyCheck(count: 1000, input: Self.integer, Self.integer.filter { $0 != 0 }) { n, d in
            let value = Rational(numerator: Self.big(n), denominator: Self.big(d))
            let reference = Rational.reducedOnGMP(Self.big(n), Self.big(d))
            #expect(value == reference)
            #expect(value.numerator == reference.numerator && value.denominator == reference.denominator)
            #expect(value.description == reference.description)
            #expect(value.hashValue == reference.hashValue)
            Self.expectCanonical(value, "\(n)/\(d)")
        }
    }

    @Test func fractionArithmeticAgrees() async {
        await propertyCheck(count: 1500, input: Self.fraction, Self.fraction) { a, b in
            let cases: [(Rational, ReferenceOperation)] = [(a + b, .sum), (a - b, .difference), (a * b, .product)]
            for (result, operation) in cases {
                #expect(result == Rational.onGMP(a, operation, b), "\(a) \(operation) \(b)")
                Self.expectCanonical(result, "\(a) \(operation) \(b)")
            }
            // The same denominator as `a` (a shorter path of the inline sum), unless reduced away.
            let c = Rational(numerator: b.numerator, denominator: a.denominator)
            #expect(a + c == Rational.onGMP(a, .sum, c), "\(a) + \(c)")
            #expect(a - c == Rational.onGMP(a, .difference, c), "\(a) - \(c)")
            if !b.isZero {
                let quotient = a / b
                #expect(quotient == Rational.onGMP(a, .quotient(.floor), b), "\(a) / \(b)")
                Self.expectCanonical(quotient)
            }
            #expect((a < b) == (Rational.comparedOnGMP(a, b) < 0), "\(a) < \(b)")
            #expect((a == b) == (Rational.comparedOnGMP(a, b) == 0))
            #expect(-a == Rational.onGMP(0, .difference, a))
            #expect(a.magnitude == (a.signum < 0 ? -a : a))
            #expect(a.isInteger == (a.denominator == 1))
        }
    }

    @Test func sameDenominatorsAndTheirEdges() {
        let third = Rational(1, 3)
        #expect(third + third + third == 1)
        #expect((third + third).description == "2/3")
        let nearMax = Rational(Int.max, 2)
        #expect((nearMax + nearMax).description == "9223372036854775807")
        #expect(!(nearMax + nearMax + Rational(1, 1)).isInline)
        #expect((Rational(Int.min) * -1).description == "9223372036854775808")
        #expect(Rational(Int.min, -1) == -Rational(Int.min))
        #expect(Rational(6, -4).description == "-3/2")
        #expect(Rational(0, -5).description == "0")
    }
}
