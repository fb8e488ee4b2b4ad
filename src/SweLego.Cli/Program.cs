using Spectre.Console;
using SweLego.Cli;

// Output to a file or a pipe gets plain text: no colours, no hyperlinks, no redrawn progress bars.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
}

return await CliApp.RunAsync(args);
