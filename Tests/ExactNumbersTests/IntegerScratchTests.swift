import ExactNumbers
import PropertyBased
import Testing

/// The in-place GMP integer agrees with BigInteger, step by step, while one scratch is reused.
@Suite("IntegerScratch")
struct IntegerScratchTests {
    @Test func agreesWithBigInteger() async {
        let scratch = IntegerScratch(), other = IntegerScratch()
        let digits = Gen.int(in: 0...9).array(of: 1...50)
        await propertyCheck(count: 300, input: digits, Gen.int(in: -1_000_000...1_000_000), Gen.int(in: 1...1_000_000)) { digits, factor, divisor in
            let text = digits.map(String.init).joined()
            #expect(Array(text.utf8).withUnsafeBufferPointer { scratch.set(digits: $0) })
            var expected = BigInteger(text)!
            #expect(scratch.bigInteger == expected)
            scratch.multiply(by: factor)
            expected = expected * BigInteger(factor)
            scratch.floorDivide(by: divisor)
            expected = expected.divided(by: BigInteger(divisor), rounding: .floor)
            other.set(factor)
            scratch.add(other)
            expected = expected + BigInteger(factor)
            #expect(scratch.bigInteger == expected)
            #expect(scratch.signum == expected.signum)
            #expect(scratch.compare(to: factor) == (expected < BigInteger(factor) ? -1 : expected == BigInteger(factor) ? 0 : 1))
            #expect(scratch.withDecimalDigits { String(decoding: $0, as: UTF8.self) } == expected.description)
        }
    }

    @Test func refusesWhatIsNotDigits() {
        let scratch = IntegerScratch()
        for text in ["", "12a", "-5", " 1", "1.0", "１２"] {
            #expect(!Array(text.utf8).withUnsafeBufferPointer { scratch.set(digits: $0) }, "\(text)")
        }
        scratch.set(-42)
        #expect(scratch.withDecimalDigits { String(decoding: $0, as: UTF8.self) } == "-42")
    }
}
