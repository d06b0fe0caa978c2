import LatePenalty
import PropertyBased
import Testing

/// The seed contract's other computations as users reach them: the consumption tax within a
/// price, the set-off of damages against an unpaid price, and a payment deadline found from the
/// invoice's day feeding the late-payment interest.
@Suite("Tax, set-off and deadlines")
struct ContractToolsTests {
    static let amounts = Gen.int(in: 0...Int.max)

    @Test func taxAndNetMakeTheGross() async {
        await propertyCheck(count: 500, input: Self.amounts, Gen.int(in: 0...30)) { value, extraDigits in
            // Amounts past 64 bits too: the gross times 10^k.
            let gross = Yen(BigInteger(value) * BigInteger.powerOfTen(extraDigits))
            let tax = try ConsumptionTax(taxInclusiveAmount: gross).compute().amount
            #expect(tax.value.signum >= 0 && tax <= gross)
            let net = gross - tax
            #expect(tax + net == gross)
            // The tax is the floor of gross × 10/110: tax × 11 ≤ gross < (tax + 1) × 11.
            #expect(tax.value * BigInteger(11) <= gross.value && gross.value < (tax.value + BigInteger(1)) * BigInteger(11))
        }
    }

    @Test func setOffNeverDeductsMoreThanThePriceNorLeavesANegativeShortfall() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...10_000_000_000), Gen.int(in: 0...10_000_000_000), Gen.int(in: 0...800)) {
            damages, price, delay in
            let interest = DamagesInterest(
                damages: Yen(damages), designatedPeriodEnd: d("2022-05-31"), paymentDate: d("2022-05-31").adding(days: delay)!)
            let result = try SetOff(damagesInterest: interest, unpaidPrice: Yen(price)).compute()
            #expect(result.deducted <= Yen(price) && result.deducted <= result.claim)
            #expect(result.shortfall.value.signum >= 0 && result.remainderToPay.value.signum >= 0)
            #expect(result.deducted + result.shortfall == result.claim)
            #expect(result.deducted + result.remainderToPay == Yen(price))
            #expect(result.claim == Yen(damages) + result.interest.amount)
        }
    }

    @Test func aPaymentDeadlineFromTheInvoiceDay() throws {
        // Received 2022-04-01: 30 days, the day of receipt not counted, 2022-05-01.
        #expect(PaymentDeadline(invoiceReceived: d("2022-04-01")).compute().date == d("2022-05-01"))
        let fromInvoice = try ContractCase(fields: [
            "regime": "contract-late-payment", "amount": "1000000", "invoice_received": "2022-04-01", "paid": "2022-05-31",
        ]).compute()
        let fromDue = try ContractCase(fields: ["regime": "contract-late-payment", "amount": "1000000", "due": "2022-05-01", "paid": "2022-05-31"])
            .compute()
        #expect(fromInvoice.amount == fromDue.amount && fromInvoice.countedDays == 30)
        #expect(fromInvoice.explanation.notes.first?.contains("2022-05-01") == true)
        #expect(throws: InputError.self) {
            try ContractCase(fields: [
                "regime": "contract-late-payment", "amount": "1", "invoice_received": "2022-04-01", "due": "2022-05-01", "paid": "2022-05-31",
            ])
        }
    }

    @Test func aSpreadsheetOfContractsInOneRun() throws {
        let r = try runBatch(
            """
            id,regime,amount,due,paid,invoice_received,unpaid_price
            T,contract-consumption-tax,"11,000,000",,,,
            L,contract-late-payment,1000000,,2022-05-31,2022-04-01,
            P,contract-late-completion,1000000,2022-03-25,2022-04-30,,
            X,contract-consumption-tax,1000,2022-03-25,,,
            S,contract-set-off,1000000,2022-05-31,2022-07-15,,900000
            U,contract-set-off,1000000,2022-05-31,2022-07-15,,

            """)
        #expect(r.rows[1] == "T,contract-consumption-tax,ok,1000000,0,0,")
        #expect(r.rows[2] == "L,contract-late-payment,ok,2054,30,0,")
        #expect(r.rows[3].hasPrefix("P,contract-late-completion,ok,"))
        #expect(r.rows[4].contains("due: is not used by contract-consumption-tax"))
        // The set-off's result is the amount deducted from the price; 45 days of interest.
        #expect(r.rows[5] == "S,contract-set-off,ok,900000,45,0,")
        #expect(r.rows[6].contains("unpaid_price: is empty"))
    }
}
