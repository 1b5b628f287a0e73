namespace OvhCostManager.Web;

/// <summary>
/// The favicon, inline (the CSP allows <c>data:</c> images): a favicon URL is fetched by the browser's own loader, which
/// on the sign-in and sign-out pages would be sent to the OIDC provider and refused by the CSP.
/// </summary>
public static class ProductMark
{
    public const string Favicon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%230050D7'/%3E%3Cpath d='M8 22V10h4l4 7 4-7h4v12h-3.5v-6.5L17 20h-2l-3.5-4.5V22z' fill='%23fff'/%3E%3C/svg%3E";
}
