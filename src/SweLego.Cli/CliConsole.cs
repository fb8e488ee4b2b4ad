using Spectre.Console;

namespace SweLego.Cli;

/// <summary>The console verbs write their results to.</summary>
internal static class CliConsole
{
    /// <summary>Console.Out as it is now (tests redirect it); piped output gets no colours, no animation and wide lines.</summary>
    public static IAnsiConsole ForOutput()
    {
        bool piped = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = piped ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = piped ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = piped ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (piped) console.Profile.Width = 240;
        return console;
    }
}
