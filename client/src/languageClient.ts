import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CHECKED_LANGUAGES, PLAN_FILE_PATTERN } from './languages';

/** The id is also the settings prefix the client reads `trace.server` under: `tracklint.trace.server`. */
export const CLIENT_ID = 'tracklint';

/** Where the server listens for a debugger when the extension runs in an Extension Development Host. */
const DEBUG_PORT = 6010;

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  // The server is bundled beside the extension (the .vsix ships no node_modules).
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // untitled: a new buffer gets diagnostics as soon as its language is set.
      ...CHECKED_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: PLAN_FILE_PATTERN },
    ],
    outputChannel: log,
    // Our commands and the status bar surface failures; the channel is not forced into view.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: CLIENT_ID,
    // Settings are pulled by the server (workspace/configuration) and file watchers are registered
    // by the server dynamically, so nothing is synchronized from here.
  };

  return new LanguageClient(CLIENT_ID, 'tracklint', serverOptions, clientOptions);
}
