// Benchmarks of the exact core and the batch: run with
//   swift package benchmark --target CoreBenchmarks
// Names: Kernel.* is the fixed-width fast path on values in memory, GMP.* the pure GMP path,
// Full.* a complete computation with its explanation, Parse.* the input parsers, Batch.* the
// batch end to end in memory (generated rows, as scripts/generate-rows makes them).
import Benchmark
import LatePenalty

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: .kilo(100)
    )

    let due = CivilDate(year: 2022, month: 3, day: 25)!
    let completed = CivilDate(year: 2022, month: 4, day: 30)!
    let inspection = ExcludedDays([DateWindow(first: CivilDate(year: 2022, month: 4, day: 10)!, last: CivilDate(year: 2022, month: 4, day: 12)!)])
    let amounts: [Int128] = (0..<1024).map { Int128(1_000_000 + $0 * 7_919_777) }
    let bigAmounts: [BigInteger] = amounts.map { BigInteger($0.description)! }

    Benchmark("Kernel.LateCompletion", configuration: .init(scalingFactor: .mega)) { benchmark in
        let kernel = DayChargeKernel.seedContract
        var total: Int128 = 0
        for index in benchmark.scaledIterations {
            let days = DayChargeKernel.countedDays(due: due, end: completed.advanced(by: index & 63), excluded: inspection)
            total &+= kernel.charge(amount: amounts[index & 1023], days: days)?.amount ?? 0
        }
        blackHole(total)
    }

    Benchmark("GMP.LateCompletion") { benchmark in
        let kernel = DayChargeKernel.seedContract
        for index in benchmark.scaledIterations {
            blackHole(kernel.exactCharge(amount: bigAmounts[index & 1023], days: 33 + index & 63))
        }
    }

    Benchmark("Full.LateCompletion") { benchmark in
        for index in benchmark.scaledIterations {
            let penalty = LateCompletionPenalty(
                contractAmount: Yen(Int(amounts[index & 1023])), contractPeriodEnd: due, completionDate: completed, inspectionDays: inspection)
            blackHole(try? penalty.compute())
        }
    }

    let regimeRows: [(String, [String: String])] = [
        ("LatePayment", ["regime": "contract-late-payment", "amount": "5500000", "due": "2022-05-01", "paid": "2022-06-15"]),
        ("LocalTaxArrears", ["regime": "local-tax-arrears", "amount": "56400", "due": "2026-02-02", "paid": "2026-05-29"]),
        ("NationalTaxArrears", ["regime": "national-tax-arrears", "amount": "1234567", "due": "2023-12-30", "paid": "2024-03-10"]),
        ("PaymentDelayAct", ["regime": "payment-delay-act", "amount": "10000000", "due": "2021-03-31", "paid": "2021-04-30"]),
        ("CivilStatutory", ["regime": "civil-statutory", "amount": "1000000", "due": "2009-10-04", "paid": "2011-12-10"]),
    ]
    for (name, fields) in regimeRows {
        Benchmark("Full.\(name)") { benchmark in
            let catalog = RegimeCatalog.bundled
            for _ in benchmark.scaledIterations { blackHole(try? catalog.compute(fields)) }
        }
    }

    Benchmark("Parse.Amount") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Yen.parse("12,345,678")) }
    }

    Benchmark("Parse.Date.ISO", configuration: .init(scalingFactor: .mega)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(CivilDate(iso8601: "2022-04-30")) }
    }

    Benchmark("Parse.Date.Era") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? CivilDate.parse("令和4年4月30日", field: "due")) }
    }

    func generatedCSV(_ count: Int) -> [UInt8] {
        var text = "id,regime,amount,due,paid,excluded\n"
        for index in 0..<count {
            let regime = index & 1 == 0 ? "contract-late-completion" : "contract-late-payment"
            let excluded = index % 10 < 3 ? "2022-04-0\(1 + index % 5)..2022-04-1\(index % 5)" : ""
            text += "C\(index),\(regime),\(1_000_000 + index * 7919),2022-03-25,2022-0\(4 + index % 5)-1\(index % 10),\(excluded)\n"
        }
        return Array(text.utf8)
    }
    let rows1k = generatedCSV(1000)
    let rows100k = generatedCSV(100_000)

    Benchmark("Parse.CSVRows1k", configuration: .init(scalingFactor: .one, maxIterations: 1000)) { benchmark in
        for _ in benchmark.scaledIterations {
            var reader = try! CSVRecordReader(bytes: rows1k)
            while let record = try? reader.next() { blackHole(record) }
        }
    }

    Benchmark("Batch.100k", configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Batch.run(csv: rows100k, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
        }
    }
}
