import LatePenalty
import PropertyBased
import Testing

@Suite("Parsing amounts and rates")
struct ParsingTests {
    @Test func amountsInEveryAcceptedForm() throws {
        #expect(try Yen.parse("1234567") == Yen(1_234_567))
        #expect(try Yen.parse("1,234,567") == Yen(1_234_567))
        #expect(try Yen.parse("１，２３４，５６７") == Yen(1_234_567))
        #expect(try Yen.parse("１２３４５６７") == Yen(1_234_567))
        #expect(try Yen.parse("0") == .zero)
        #expect(try Yen.parse("100,000,000,000,000,000,000,000").value == BigInteger.powerOfTen(23))
    }

    @Test func amountErrorsNameTheReason() {
        let cases: [(String, String)] = [
            ("", "is empty; give an amount in whole yen, e.g. 1200000"),
            ("-500", "'-500' has a sign; amounts are whole yen, 0 or more"),
            ("+500", "'+500' has a sign; amounts are whole yen, 0 or more"),
            ("1000.5", "'1000.5' has a decimal point; amounts are whole yen"),
            ("1e6", "'1e6' is not plain digits (exponents are not accepted); amounts are whole yen"),
            ("12,34", "'12,34' is not grouped by thousands; write 1,234,567 or 1234567"),
            ("1234,567", "'1234,567' is not grouped by thousands; write 1,234,567 or 1234567"),
            (",123", "',123' is not grouped by thousands; write 1,234,567 or 1234567"),
            ("¥1000", "'¥1000' contains '¥'; write the amount as digits only, e.g. 1,200,000"),
            ("1000円", "'1000円' contains '円'; write the amount as digits only, e.g. 1,200,000"),
            ("1 000", "'1 000' contains ' '; write the amount as digits only, e.g. 1,200,000"),
        ]
        for (text, reason) in cases {
            #expect(throws: InputError(field: "amount", reason: reason)) { try Yen.parse(text) }
        }
    }

    @Test func groupedAndPlainDigitsAgree() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { value in
            let plain = String(value)
            #expect(try! Yen.parse(plain) == Yen(value))
            #expect(try! Yen.parse(Yen(value).grouped) == Yen(value))
        }
    }

    @Test func paymentsAllowSpacesAroundTheirParts() throws {
        let spaced = try Payment.parseList(" 2024-05-10 : 50,000 ; R6.6.1:1000 ")
        #expect(spaced == [Payment(date: d("2024-05-10"), amount: Yen(50_000)), Payment(date: d("2024-06-01"), amount: Yen(1000))])
        #expect(throws: InputError.self) { try Payment.parseList("2024-05-10:0") }
        #expect(throws: InputError.self) { try Payment.parseList("2024-05-10 50000") }
    }

    @Test func fullWidthRatesReadAsTheirDigits() throws {
        #expect(try Rate.parse(percent: "１４．６") == Rate.parse(percent: "14.6"))
        #expect(try Rate.parse(percent: "２.５") == Rate.seedContract)
        #expect(throws: InputError.self) { try Rate.parse(percent: "－２.５") }
        #expect(throws: InputError.self) { try Rate.parse(percent: "２，５") }
    }

    @Test func ratesAreExactPercentages() throws {
        #expect(try Rate.parse(percent: "2.5").annual == Rational(1, 40))
        #expect(try Rate.parse(percent: "14.6").annual == Rational(73, 500))
        #expect(try Rate.parse(percent: "7.3").annual == Rational(73, 1000))
        #expect(try Rate.parse(percent: "0").annual == Rational(0))
        #expect(try Rate.parse(percent: "2.5").description == "2.5%")
        #expect(Rate(annual: Rational(1, 3)).description == "100/3%")
    }

    @Test func rateErrorsAreNotGuesses() {
        #expect(throws: InputError(field: "rate", reason: "'0.025%' contains '%'; write the percentage as a plain number, e.g. 2.5 for 年2.5%")) {
            try Rate.parse(percent: "0.025%")
        }
        for bad in ["", "-2.5", "+2.5", "2,5", "2.5e0", ".5", "5.", "年2.5", " 2.5"] {
            #expect(throws: InputError.self, "\(bad)") { try Rate.parse(percent: bad) }
        }
    }

    @Test func namedRoundings() {
        let x = Rational(123_456_789, 100)  // 1,234,567.89
        #expect(Rounding.floorToYen.apply(x) == Yen(1_234_567))
        #expect(Rounding.floorTo100Yen.apply(x) == Yen(1_234_500))
        #expect(Rounding.floorTo1000Yen.apply(x) == Yen(1_234_000))
        #expect(Rounding.floorTo10000Yen.apply(x) == Yen(1_230_000))
        #expect(Rounding(.ceiling).apply(x) == Yen(1_234_568))
        #expect(Rounding(.halfUp).apply(x) == Yen(1_234_568))
        #expect(Rounding(.halfEven).apply(Rational(5, 2)) == Yen(2))
        #expect(Rounding(.halfUp, toMultipleOf: 100).apply(Rational(150)) == Yen(200))
        #expect(Rounding(.halfEven, toMultipleOf: 100).apply(Rational(250)) == Yen(200))
        #expect(Rounding(.truncate).apply(Rational(-7, 2)) == Yen(-3))
        #expect(Rounding.floorTo100Yen.description == "floor to ¥100 (100円未満切捨て)")
    }
}
