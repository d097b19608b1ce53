namespace Conformance.Compare;

public static class Program
{
    public static int Main(string[] args) => CompareCommand.Run(args, Console.Out, Console.Error);
}
