import Foundation
import PackagePlugin

/// Compiles the bundled regime files (`Regimes/Bundled/*.json` of the target) into the library as
/// string constants, so that the library needs no resource bundle at run time: a `penalty` binary
/// copied elsewhere, or the library linked from C, finds its regimes all the same.
@main
struct EmbedRegimeFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let directory = target.directoryURL.appending(path: "Regimes/Bundled")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledRegimeFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) regime files",
                executable: try context.tool(named: "embed-json-files").url,
                arguments: [output.path, "BundledRegimeFiles"] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
