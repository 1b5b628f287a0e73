using System.Globalization;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Tests.Unit.Web;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("fr", "2026-11", "novembre 2026", "Novembre 2026")]
    [InlineData("fr", "2027-08", "août 2027", "Août 2027")]
    [InlineData("en", "2026-11", "November 2026", "November 2026")]
    public void A_month_is_lower_case_inside_a_French_sentence_and_capitalised_when_it_stands_alone(string culture, string month, string inSentence, string alone)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(inSentence, Formats.MonthLabel(month));
            Assert.Equal(alone, Formats.MonthTitle(month));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
