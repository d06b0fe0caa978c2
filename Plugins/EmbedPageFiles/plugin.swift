import Foundation
import PackagePlugin

/// Compiles the web page (`Sources/PenaltyServer/Page/*`) and the OpenAPI description
/// (`docs/openapi.json`) into the server, so that it serves them with no file on disk.
@main
struct EmbedPageFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let page = target.directoryURL.appending(path: "Page")
        let files =
            try FileManager.default.contentsOfDirectory(at: page, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            + [context.package.directoryURL.appending(path: "docs/openapi.json")]
        let output = context.pluginWorkDirectoryURL.appending(path: "PageFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) page files",
                executable: try context.tool(named: "embed-json-files").url,
                arguments: [output.path, "PageFiles"] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
