using MathNet.Numerics;

namespace FedChain.Learning.Privacy.Accounting;

/// <summary>Arithmetic on numbers held as their natural logarithms, so that huge and tiny terms do not overflow.</summary>
internal static class LogSpace
{
    /// <summary>log(e^x + e^y).</summary>
    public static double Add(double logX, double logY)
    {
        var (low, high) = logX < logY ? (logX, logY) : (logY, logX);
        if (double.IsNegativeInfinity(low)) return high;
        return Math.Log(1 + Math.Exp(low - high)) + high;
    }

    /// <summary>log(e^x - e^y), for x &gt;= y.</summary>
    public static double Subtract(double logX, double logY)
    {
        if (logX < logY) throw new ArgumentOutOfRangeException(nameof(logY), "log-space subtraction would go negative");
        if (double.IsNegativeInfinity(logY)) return logX;
        if (logX == logY) return double.NegativeInfinity;
        var difference = logX - logY;
        // expm1 overflows past ~709; then e^x dominates and log(e^x - e^y) = x to double precision.
        return difference > 700 ? logX : Math.Log(Expm1(difference)) + logY;
    }

    /// <summary>log(erfc(x)), accurate also where erfc(x) underflows a double.</summary>
    public static double Erfc(double x)
    {
        if (x < 20) return Math.Log(SpecialFunctions.Erfc(x));
        // Asymptotic series (Abramowitz and Stegun 7.1.23):
        // erfc(x) = e^(-x^2) / (x sqrt(pi)) * (1 - 1/(2x^2) + 3/(2x^2)^2 - 15/(2x^2)^3 + ...)
        var inverseTwoXSquared = 1 / (2 * x * x);
        var series = 1 - inverseTwoXSquared * (1 - 3 * inverseTwoXSquared * (1 - 5 * inverseTwoXSquared));
        return -x * x - Math.Log(x) - 0.5 * Math.Log(Math.PI) + Math.Log(series);
    }

    /// <summary>e^x - 1, accurate for small x.</summary>
    public static double Expm1(double x) =>
        Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;
}
