import ArgumentParser

@main
struct Penalty: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exact late penalties and delay interest for Japanese public contracts.",
        discussion: """
            Every amount is computed with exact fractions (GMP) and every rounding is named.
            Start with `penalty explain` for one case, or `penalty compute FILE` for a CSV file.
            """,
        subcommands: [Explain.self, Compute.self, Verify.self, Regimes.self, CalendarCommand.self])
}
