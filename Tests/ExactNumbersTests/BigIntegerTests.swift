import ExactNumbers
import PropertyBased
import Testing

@Suite("BigInteger")
struct BigIntegerTests {
    /// Operands small enough that Int arithmetic on them cannot overflow.
    static let small = Gen.int(in: -(1 << 31)...(1 << 31))

    @Test func agreesWithIntArithmetic() async {
        await propertyCheck(count: 300, input: Self.small, Self.small) { a, b in
            #expect(BigInteger(a) + BigInteger(b) == BigInteger(a + b))
            #expect(BigInteger(a) - BigInteger(b) == BigInteger(a - b))
            #expect(BigInteger(a) * BigInteger(b) == BigInteger(a * b))
            #expect(BigInteger(a) * b == BigInteger(a * b))
            #expect((BigInteger(a) < BigInteger(b)) == (a < b))
            #expect(Int(exactly: BigInteger(a) * BigInteger(b)) == a * b)
        }
    }

    @Test func divisionAgreesWithIntDefinitions() async {
        await propertyCheck(count: 300, input: Self.small, Self.small.filter { $0 != 0 }) { a, b in
            let q = a / b, r = a % b  // truncating
            let floor = (r != 0 && (r < 0) != (b < 0)) ? q - 1 : q
            let ceiling = (r != 0 && (r < 0) == (b < 0)) ? q + 1 : q
            #expect(BigInteger(a).divided(by: BigInteger(b), rounding: .truncate) == BigInteger(q))
            #expect(BigInteger(a).divided(by: BigInteger(b), rounding: .floor) == BigInteger(floor))
            #expect(BigInteger(a).divided(by: BigInteger(b), rounding: .ceiling) == BigInteger(ceiling))
            #expect(BigInteger(a).floorRemainder(dividingBy: BigInteger(b)) == BigInteger(a - b * floor))
        }
    }

    @Test func halfwayCases() {
        func round(_ n: Int, _ d: Int, _ mode: RoundingMode) -> BigInteger { BigInteger(n).divided(by: BigInteger(d), rounding: mode) }
        #expect(round(5, 2, .halfUp) == 3)
        #expect(round(5, 2, .halfEven) == 2)
        #expect(round(7, 2, .halfEven) == 4)
        #expect(round(-5, 2, .halfUp) == -3)
        #expect(round(-5, 2, .halfEven) == -2)
        #expect(round(-7, 2, .halfEven) == -4)
        #expect(round(7, 3, .halfUp) == 2)
        #expect(round(8, 3, .halfUp) == 3)
        #expect(round(-8, 3, .halfEven) == -3)
        #expect(round(-7, 2, .floor) == -4)
        #expect(round(-7, 2, .ceiling) == -3)
        #expect(round(-7, 2, .truncate) == -3)
    }

    @Test func decimalTextRoundTripsAtAnySize() async {
        let digits = Gen.number.string(of: 1...120)
        await propertyCheck(count: 200, input: digits, Gen.bool) { text, negative in
            let trimmed = String(text.drop { $0 == "0" })
            let canonical = trimmed.isEmpty ? "0" : (negative ? "-" : "") + trimmed
            let value = BigInteger(canonical)
            #expect(value?.description == canonical)
        }
    }

    @Test func strictParsing() {
        for bad in ["", "-", "+1", " 1", "1 ", "1_000", "1,000", "1e3", "0x10", "１"] {
            #expect(BigInteger(bad) == nil, "\(bad) should be rejected")
        }
        #expect(BigInteger("-0") == 0)
        #expect(BigInteger("000123") == 123)
    }

    @Test func largeValues() {
        let big = BigInteger("100000000000000000000")!  // 10^20
        #expect(big == BigInteger.powerOfTen(20))
        #expect(Int(exactly: big) == nil)
        #expect((big * big).description == "1" + String(repeating: "0", count: 40))
        #expect(big.decimalDigitCount == 21)
    }

    @Test func valueSemantics() {
        var a = BigInteger(41)
        let b = a
        a += 1
        #expect(a == 42)
        #expect(b == 41)
    }

    @Test func hashingAgreesWithEquality() {
        let values = [BigInteger(0), BigInteger(1), BigInteger(-1), BigInteger.powerOfTen(30), -BigInteger.powerOfTen(30)]
        let again = values.map { BigInteger($0.description)! }
        #expect(Set(values) == Set(again))
        #expect(Set(values).count == 5)
    }
}
