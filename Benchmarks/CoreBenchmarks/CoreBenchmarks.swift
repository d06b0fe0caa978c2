// Benchmarks of the exact core and the batch: run with
//   swift package benchmark --target CoreBenchmarks
// Names: Kernel.* is the fixed-width fast path on values in memory, GMP.* the pure GMP path,
// Full.* a complete computation with its explanation, Parse.* the input parsers, Batch.* the
// batch in memory (generated rows), File.* `penalty compute` end to end on generated files
// (the same rows as scripts/generate-rows: duplicate screen, byte-level batch, output written
// to /dev/null). Throughput of Batch.* and File.* is in runs per second: multiply by the rows.
import Benchmark
import LatePenalty

#if canImport(Glibc)
import Glibc
#endif

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

    Benchmark("GMP.LateCompletion.InPlace") { benchmark in
        // The batch's GMP path for long amounts: one scratch integer reused for every row.
        let kernel = DayChargeKernel.seedContract
        let scratch = IntegerScratch()
        let digits = amounts.map { Array(($0.description + "000000000000").utf8) }  // 19+ digits
        var waived = 0
        for index in benchmark.scaledIterations {
            _ = digits[index & 1023].withUnsafeBufferPointer { scratch.set(digits: $0) }
            if kernel.exactCharge(inPlace: scratch, days: 33 + index & 63) { waived += 1 }
        }
        blackHole(waived)
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

    Benchmark("Parse.CSVRows1k.Bytewise", configuration: .init(scalingFactor: .one, maxIterations: 1000)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Batch.runCSV(bytes: rows1k, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
        }
    }

    Benchmark("Batch.100k.Record", configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Batch.run(csv: rows100k, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
        }
    }

    Benchmark("Batch.100k.Bytewise", configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Batch.runCSV(bytes: rows100k, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
        }
    }

    // Every other charge by the day through the byte-level batch, by its compiled plan: plain
    // rows, and rows with three partial payments.
    for regime in ["contract-damages-interest", "payment-delay-act", "civil-statutory", "national-tax-arrears", "local-tax-arrears"] {
        for payments in [0, 3] {
            let rows = Array(generatedRows(100_000, regimes: [regime], payments: payments).utf8)
            let name = "Batch.100k.\(regime)" + (payments > 0 ? ".payments\(payments)" : "")
            Benchmark(name, configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try? Batch.runCSV(bytes: rows, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
                }
            }
        }
    }

    // Every charge by the day as JSON Lines in, and explained as JSON Lines out: the same
    // rows, through the same byte-level batch.
    for regime in [
        "contract-late-completion", "contract-late-payment", "contract-damages-interest", "payment-delay-act", "civil-statutory",
        "national-tax-arrears", "local-tax-arrears",
    ] {
        let csv = generatedRows(100_000, regimes: [regime])
        let lines = jsonLines(fromCSV: csv)
        Benchmark("Batch.100k.\(regime).jsonl", configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                var reader = JSONLinesReader(bytes: lines)
                blackHole(try? Batch.runJSONLines(&reader, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
            }
        }
        let explained = Array(generatedRows(10_000, regimes: [regime]).utf8)
        var options = Batch.Options()
        options.explain = true
        options.format = .jsonl
        Benchmark("Batch.10k.\(regime).explain", configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                var reader = try! CSVRecordReader(bytes: explained)
                blackHole(try? Batch.runCSV(&reader, options: options, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
            }
        }
    }

    // `penalty compute FILE -o /dev/null` without the process: files written once, then run.
    for (name, rows) in [("100k", 100_000), ("1M", 1_000_000)] {
        let path = "/tmp/latepenalty-benchmark-\(rows).csv"
        writeGeneratedRows(rows, to: path)
        for jobs in [1, 2] {
            Benchmark("File.\(name).jobs\(jobs)", configuration: .init(scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
                for _ in benchmark.scaledIterations { blackHole(computeFile(path, jobs: jobs)) }
            }
        }
    }
}

/// Rows as scripts/generate-rows writes them: by default the two seed day-charge regimes
/// alternately, amounts up to ten billion yen, delays up to about 400 days (four years for the
/// statutory regimes, within the bundled tables), an excluded range on about 30% of rows of
/// regimes that allow one, and `payments` partial payments inside each window.
func generatedRows(_ count: Int, regimes: [String] = ["contract-late-completion", "contract-late-payment"], payments: Int = 0) -> String {
    var state: UInt64 = 20_221_121
    func below(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    let base = CivilDate(year: 2021, month: 4, day: 1)!.dayNumber
    let lastTableDay = CivilDate(year: 2026, month: 12, day: 31)!.dayNumber
    let excludes: Set<String> = ["contract-late-completion", "contract-late-payment", "payment-delay-act", "local-tax-arrears", "national-tax-arrears"]
    let longWindows: Set<String> = ["local-tax-arrears", "national-tax-arrears", "civil-statutory"]
    var text = "id,regime,amount,due,paid,excluded,payments\n"
    text.reserveCapacity(count * 90)
    for index in 0..<count {
        let regime = regimes[index % regimes.count]
        let due = base + below(1500)
        var paid = due - 20 + below(longWindows.contains(regime) ? 1480 : 420)
        if longWindows.contains(regime) { paid = min(paid, lastTableDay) }
        var excluded = ""
        if excludes.contains(regime) && below(10) < 3 && paid > due + 3 {
            let start = due + 1 + below(paid - due - 2)
            excluded = CivilDate(dayNumber: start).iso8601 + ".." + CivilDate(dayNumber: start + 1 + below(14)).iso8601
        }
        let amount = 1 + below(10_000_000_000)
        var paymentList = ""
        if payments > 0 && paid > due + payments {
            paymentList = (0..<payments).map { _ in
                CivilDate(dayNumber: due + 1 + below(paid - due - 1)).iso8601 + ":" + String(1 + below(amount / (payments + 1) + 1))
            }
            .joined(separator: ";")
        }
        let id = String(index)
        text += "C\(String(repeating: "0", count: max(0, 8 - id.count)))\(id),\(regime),\(amount),"
        text += "\(CivilDate(dayNumber: due).iso8601),\(CivilDate(dayNumber: paid).iso8601),\(excluded),\(paymentList)\n"
    }
    return text
}

/// Generated CSV rows (no field quoted) as JSON Lines, one object per row, values as strings.
func jsonLines(fromCSV csv: String) -> [UInt8] {
    var lines = csv.split(separator: "\n")
    let names = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false)
    var text = ""
    for line in lines {
        let values = line.split(separator: ",", omittingEmptySubsequences: false)
        text += "{" + zip(names, values).map { "\"\($0)\":\"\($1)\"" }.joined(separator: ",") + "}\n"
    }
    return Array(text.utf8)
}

func writeGeneratedRows(_ count: Int, to path: String) {
    let file = fopen(path, "w")!
    fputs(generatedRows(count), file)
    fclose(file)
}

/// What `penalty compute PATH -o /dev/null --jobs N` does: the screen, then the batch.
func computeFile(_ path: String, jobs: Int) -> Batch.Summary? {
    let size = Int(fileSize(path))
    let screenFile = open(path, O_RDONLY)
    defer { close(screenFile) }
    guard var screenReader = try? CSVRecordReader(descriptor: screenFile, encoding: .utf8),
        let screen = try? DuplicateIdScreen.screen(&screenReader, inputBytes: size, jobs: jobs)
    else { return nil }
    var options = Batch.Options()
    options.jobs = jobs
    options.duplicateCandidates = screen.candidates
    let input = open(path, O_RDONLY), sink = open("/dev/null", O_WRONLY)
    defer { close(input); close(sink) }
    guard var reader = try? CSVRecordReader(descriptor: input, encoding: .utf8) else { return nil }
    return try? Batch.runCSV(&reader, options: options, output: { _ = write(sink, $0.baseAddress, $0.count) }, diagnostics: { _ in })
}

func fileSize(_ path: String) -> Int64 {
    var status = stat()
    return stat(path, &status) == 0 ? Int64(status.st_size) : 0
}
