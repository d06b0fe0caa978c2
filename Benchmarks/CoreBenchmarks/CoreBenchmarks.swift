// Benchmarks of the exact core: one seed-contract computation, its parts, and a small batch.
// Run: swift package benchmark --target CoreBenchmarks
// The full performance suite (fast path, 1 M-row batches) is grown in its own issue.
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

    Benchmark("LateCompletion.GMP") { benchmark in
        for index in benchmark.scaledIterations {
            let penalty = LateCompletionPenalty(
                contractAmount: Yen(10_000_000 + index), contractPeriodEnd: due, completionDate: completed,
                inspectionDays: inspection)
            blackHole(try? penalty.compute())
        }
    }

    Benchmark("Parse.Amount") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Yen.parse("12,345,678"))
        }
    }

    Benchmark("Parse.ISODate") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CivilDate(iso8601: "2022-04-30"))
        }
    }

    let rows = ["id,regime,amount,due,paid,excluded,rate"] + (0..<1000).map { index in
        "R\(index),contract-late-completion,\(1_000_000 + index * 997),2022-03-25,2022-0\(4 + index % 5)-1\(index % 10),,"
    }
    let csv = Array((rows.joined(separator: "\n") + "\n").utf8)

    Benchmark("Batch.Contracts1k", configuration: .init(scalingFactor: .one, maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Batch.run(csv: csv, output: { blackHole($0) }, diagnostics: { blackHole($0) }))
        }
    }
}
