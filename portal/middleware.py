"""Response headers Django's own security middleware does not set."""

from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": [], "fullscreen": ["self", "https://x"]} -> 'camera=(), fullscreen=(self "https://x")'."""

    def allowlist(origins: list[str]) -> str:
        return " ".join(origin if origin == "self" else f'"{origin}"' for origin in origins)

    return ", ".join(f"{feature}=({allowlist(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    """Switch off the browser features the site never uses (camera, microphone, location…)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
