import ArgumentParser
import LatePenalty

@main
struct Penalty: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exact late penalties and delay interest for Japanese public contracts.",
        discussion: """
            Every amount is computed with exact fractions (GMP) and every rounding is named.
            Start with `penalty explain` for one case, or `penalty compute FILE` for a CSV file.
            """,
        version: libraryVersion,
        subcommands: [
            Explain.self, Compute.self, AgreementCommand.self, AgreementsCommand.self, DeadlineCommand.self, TaxCommand.self, SetOffCommand.self, Verify.self,
            Regimes.self, CalendarCommand.self,
        ])

    /// Runs the command. A usage error (an unknown option, a bad value) exits with status 2, as
    /// the help texts say, rather than the argument parser's 64.
    static func main() {
        do {
            if let repeated = RepeatedOptions.firstRepeat(in: CommandLine.arguments.dropFirst()) {
                throw ValidationError("\(repeated) is given twice (二重指定); give it once, so that no value is silently dropped")
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            // The message, and the help of the subcommand that was typed, if one was.
            let typed = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? ""
            let known = configuration.subcommands.contains { $0._commandName == typed }
            writeToStandardError("penalty: \(message(for: error))\nSee 'penalty \(known ? typed + " " : "")--help'.\n")
            exit(withError: ExitCode(2))
        }
    }
}
