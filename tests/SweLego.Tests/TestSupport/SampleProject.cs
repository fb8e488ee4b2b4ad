namespace SweLego.Tests.TestSupport;

/// <summary>Writes a minimal installable Python project (package <c>samplelib</c> with <c>VALUE</c>) into a folder.</summary>
public static class SampleProject
{
    /// <param name="setupArguments">Extra <c>setup()</c> keyword arguments, e.g. <c>install_requires=['pytest']</c>.</param>
    public static void Write(TempDirectory folder, int value, string setupArguments)
    {
        Directory.CreateDirectory(folder.Combine("samplelib"));
        File.WriteAllText(folder.Combine("samplelib", "__init__.py"), $"VALUE = {value}\n");
        File.WriteAllText(folder.Combine("setup.py"),
            $"from setuptools import setup\nsetup(name='samplelib', packages=['samplelib'], {setupArguments})\n");
    }
}
