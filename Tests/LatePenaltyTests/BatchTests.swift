import LatePenalty
import Testing

@Suite("penalty compute for the contract regimes")
struct BatchTests {
    func run(_ csv: String, explain: Bool = false) throws -> (rows: [String], diagnostics: [String], summary: Batch.Summary) {
        var output: [String] = [], diagnostics: [String] = []
        let summary = try Batch.run(csv: Array(csv.utf8), explain: explain, output: { output.append($0) }, diagnostics: { diagnostics.append($0) })
        return (output.joined().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), diagnostics, summary)
    }

    @Test func oneRowPerInputRowInOrder() throws {
        let r = try run("""
            id,regime,amount,due,paid,excluded,rate\r
            A,contract-late-completion,10000000,2022-03-25,2022-04-30,2022-04-10..2022-04-12,\r
            B,contract-late-completion,1000000,2022-03-25,2022-03-26,,\r
            C,contract-late-payment,5500000,2022-05-01,2022-06-15,,\r
            D,contract-termination-penalty,"12,345,678",,,,\r
            E,contract-late-completion,10000000,2022-03-25,2021-02-29,,\r

            """)
        #expect(r.rows == [
            "id,regime,status,amount,counted_days,excluded_days,error",
            "A,contract-late-completion,ok,22602,33,3,",
            "B,contract-late-completion,waived,0,1,0,",
            "C,contract-late-payment,ok,16952,45,0,",
            "D,contract-termination-penalty,ok,1234567,0,0,",
            "E,contract-late-completion,error,,,,paid: '2021-02-29' does not exist: 2021-02 has 28 days (2021 is not a leap year)",
        ])
        #expect(r.diagnostics == ["line 6: id E: paid: '2021-02-29' does not exist: 2021-02 has 28 days (2021 is not a leap year)"])
        #expect(r.summary.read == 5 && r.summary.computed == 4 && r.summary.waived == 1 && r.summary.rejected == 1)
        #expect(r.summary.totalByRegime["contract-late-completion"] == Yen(22_602))
    }

    @Test func columnsInAnyOrderAndOptionalColumnsMissing() throws {
        let r = try run("amount,id,regime\n12345678,X,contract-antitrust-damages\n")
        #expect(r.rows.last == "X,contract-antitrust-damages,ok,1851851,0,0,")
    }

    @Test func malformedRowsAreReportedAndTheParserRecovers() throws {
        let r = try run("""
            id,regime,amount,due,paid,excluded,rate
            A,contract-late-completion,"10,000,000,2022-03-25,2022-04-30,,
            B,contract-late-completion,10000000,2022-03-25,2022-04-30,,
            C,contract-late-completion,10000000,2022-03-25
            D,contract-penalty,10000000,2022-03-25,2022-04-30,,
            E,contract-late-completion,10000000,2022-03-25,2022-04-30,2022-04-12..2022-04-10,
            F,contract-late-payment,500000,2022-05-01,2022-06-15,,0.025%

            """)
        #expect(r.rows.count == 7)
        #expect(r.rows[1] == #",,error,,,,"a quoted field is not closed (unbalanced "")""#)
        #expect(r.rows[2] == "B,contract-late-completion,ok,24657,36,0,")
        #expect(r.rows[3] == "C,contract-late-completion,error,,,,has 4 fields but the header has 7")
        #expect(r.rows[4].hasPrefix("D,contract-penalty,error,,,,\"regime: unknown regime 'contract-penalty'"))
        #expect(r.rows[5].hasPrefix("E,contract-late-completion,error,,,,excluded: range '2022-04-12..2022-04-10' ends before it starts"))
        #expect(r.rows[6].hasPrefix("F,contract-late-payment,error,,,,\"rate: '0.025%' contains '%'"))
        #expect(r.diagnostics.map { $0.prefix(7) } == ["line 2:", "line 4:", "line 5:", "line 6:", "line 7:"])
    }

    @Test func fileProblemsStopTheRun() {
        #expect(throws: Batch.FileError.self) { try run("") }
        #expect(throws: Batch.FileError.self) { try run("id,amount\nA,100\n") }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let r = try run("\u{FEFF}id,regime,amount\nA,contract-termination-penalty,100\n")
        #expect(r.rows.last == "A,contract-termination-penalty,ok,10,0,0,")
    }

    @Test func explainAddsCompactJSON() throws {
        let r = try run("id,regime,amount,due,paid\nA,contract-late-completion,10000000,2022-03-25,2022-04-30\n", explain: true)
        #expect(r.rows[0].hasSuffix(",explanation"))
        #expect(r.rows[1].contains(#""clause"":""第6条第3項"""#))
        #expect(r.rows[1].contains(#""exact"":""1800000/73"""#))
    }
}

@Suite("Explanations")
struct ExplanationTests {
    @Test func jsonCarriesEveryStep() throws {
        let result = try LateCompletionPenalty(
            contractAmount: Yen(10_000_000), completionDate: d("2022-04-30"),
            inspectionDays: ExcludedDays([window("2022-04-10", "2022-04-12")])
        ).compute()
        let json = result.explanation.json
        for fragment in [
            #""rule":{"clause":"第6条第3項""#,
            #""window":{"from":"2022-03-26","to":"2022-04-30","days":36}"#,
            #""basis":"fixed-365""#,
            #""counted_days":33,"excluded_days":3,"excluded":[{"from":"2022-04-10","to":"2022-04-12","days":3}]"#,
            #""year_fraction":"33/365","exact":"1650000/73""#,
            #""rounding":"floor","unit":"1","before":"1650000/73","after":"22602""#,
            #""minimum":{"rule":"under ¥100 not charged (100円未満は徴収・支払をしない)","before":"22602","after":"22602","waived":false}"#,
        ] {
            #expect(json.contains(fragment), "missing \(fragment)")
        }
    }

    @Test func textNamesTheClauseAndTheJapaneseTerms() throws {
        let result = try LateCompletionPenalty(contractAmount: Yen(1_000_000), completionDate: d("2022-03-26")).compute()
        let text = result.explanation.text
        #expect(text.contains("第6条第3項"))
        #expect(text.contains("算定期間"))
        #expect(text.contains("1円未満切捨て"))
        #expect(text.contains("¥68 is under ¥100: waived, ¥0"))
    }
}
