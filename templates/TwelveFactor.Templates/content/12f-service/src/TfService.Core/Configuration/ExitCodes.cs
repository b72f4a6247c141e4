namespace TfService.Core.Configuration;

/// <summary>Process exit codes (the BSD sysexits values, which process managers and scripts already know).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 64;
    public const int Unavailable = 69;
    public const int Failure = 70;
    public const int Configuration = 78;
}
