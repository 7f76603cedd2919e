"""Demo site pages: the medical disclaimer, privacy, terms and community guidelines, in
English and in Spanish (marked as demo content)."""

from core.models import SitePage

PAGES = {
    "medical-disclaimer": (
        "Medical disclaimer",
        "The articles, forums, blogs and videos on this site are **information, not medical "
        "advice**. Every patient is different: talk to your own surgeon or doctor about your "
        "care.\n\nIf you think you have an emergency, call your local emergency number now.\n\n"
        "Posts by members share personal experience. Verified surgeons carry a badge, but even "
        "they cannot advise you without examining you.",
    ),
    "privacy": (
        "Privacy",
        "We collect as little as we can, and we say below exactly what we keep, why, for how "
        "long and who can see it.\n\n"
        "- Your **pseudonym** is public; your **email address** is never shown to anyone.\n"
        "- Our pages load nothing from other companies: no adverts, no analytics, no web "
        "fonts. Videos from YouTube or Vimeo load only after you click play.\n"
        "- If you record your procedure and surgery date, they stay private unless you choose "
        "to show them.",
    ),
    "terms": (
        "Terms of use",
        "Be kind; this is a place for people going through surgery and recovery.\n\n"
        "1. You must be at least the minimum age shown on the sign-up form to join.\n"
        "2. Follow the [community guidelines](/pages/guidelines/).\n"
        "3. No medical advice presented as fact: share your experience and point people to "
        "their care team.\n"
        "4. No personal details: yours or anyone else's.\n"
        "5. No advertising or spam.\n"
        "6. Moderators may hide posts that break these rules and suspend accounts that "
        "keep doing so.\n\n"
        "How we handle your data is in the [privacy notice](/pages/privacy/).",
    ),
    "guidelines": (
        "Community guidelines",
        "This community works because people feel safe sharing hard things. Please help "
        "keep it that way.\n\n"
        "## Share your experience, not instructions\n"
        "Say what happened to you and what your care team told you. Never tell someone to "
        "stop, start or change a medicine.\n\n"
        "## Write about children and others safely\n"
        "- Use no names, photos, schools or places that could identify a child, a partner, "
        'a relative, a nurse or a surgeon. "My daughter (9)" is enough.\n'
        "- Tell only your part of someone else's story. Their diagnosis, their mental "
        "health and their care are theirs to share.\n"
        "- Think of the child reading this in ten years: leave out what they might not want "
        "the world to know.\n"
        "- Do not post screenshots of private messages or of other people's posts.\n\n"
        "## Look after each other\n"
        "- If someone seems to be in danger, reply kindly, point them to emergency help, and "
        "report the post so a moderator sees it quickly.\n"
        "- Disagree with ideas, never with people. No harassment, no pile-ons.\n"
        "- You can block any member: you will no longer get their messages, mentions or "
        "notifications.\n\n"
        "## Private messages\n"
        "Private messages are for support between members, not for selling, recruiting or "
        'pressing anyone. Use "Report this message" if someone makes you uneasy: a '
        "moderator then reads that one message, nothing else.",
    ),
}


PAGES_ES = {
    "medical-disclaimer": (
        "Aviso médico",
        "Los artículos, foros, blogs y vídeos de este sitio son **información, no consejo "
        "médico**. Cada paciente es distinto: hable con su propio cirujano o médico sobre su "
        "tratamiento.\n\nSi cree que tiene una urgencia, llame ahora al número de emergencias "
        "de su país.\n\n"
        "Las publicaciones de los miembros cuentan experiencias personales. Los cirujanos "
        "verificados llevan una insignia, pero ni siquiera ellos pueden aconsejarle sin "
        "examinarle.",
    ),
    "privacy": (
        "Privacidad",
        "Recogemos lo mínimo posible y explicamos abajo exactamente qué guardamos, por qué, "
        "durante cuánto tiempo y quién puede verlo.\n\n"
        "- Su **seudónimo** es público; su **dirección de correo electrónico** no se muestra "
        "nunca a nadie.\n"
        "- Nuestras páginas no cargan nada de otras empresas: ni anuncios, ni analítica, ni "
        "fuentes web. Los vídeos de YouTube o Vimeo solo se cargan cuando usted pulsa "
        "reproducir.\n"
        "- Si anota su intervención y la fecha de su cirugía, quedan en privado salvo que "
        "usted decida mostrarlas.",
    ),
    "terms": (
        "Condiciones de uso",
        "Sea amable: este es un lugar para personas que pasan por una cirugía y su "
        "recuperación.\n\n"
        "1. Para unirse debe tener al menos la edad mínima que indica el formulario de "
        "registro.\n"
        "2. Siga las [normas de la comunidad](/es/pages/guidelines/).\n"
        "3. Nada de consejos médicos presentados como hechos: comparta su experiencia y anime "
        "a los demás a consultar a su equipo médico.\n"
        "4. Nada de datos personales, ni suyos ni de nadie.\n"
        "5. Nada de publicidad ni spam.\n"
        "6. Los moderadores pueden ocultar las publicaciones que incumplan estas normas y "
        "suspender las cuentas que lo sigan haciendo.\n\n"
        "Cómo tratamos sus datos se explica en el [aviso de privacidad](/es/pages/privacy/).",
    ),
    "guidelines": (
        "Normas de la comunidad",
        "Esta comunidad funciona porque la gente se siente segura al compartir cosas "
        "difíciles. Ayúdenos a que siga siendo así.\n\n"
        "## Comparta su experiencia, no instrucciones\n"
        "Cuente lo que le pasó a usted y lo que le dijo su equipo médico. Nunca le diga a "
        "nadie que deje, empiece o cambie un medicamento.\n\n"
        "## Escriba con cuidado sobre los niños y sobre otras personas\n"
        "- No use nombres, fotos, colegios ni lugares que permitan identificar a un niño, una "
        'pareja, un familiar, una enfermera o un cirujano. "Mi hija (9 años)" es suficiente.\n'
        "- Cuente solo su parte de la historia de otra persona. Su diagnóstico, su salud "
        "mental y su tratamiento le pertenecen.\n"
        "- Piense en el niño que leerá esto dentro de diez años: omita lo que quizá no quiera "
        "que el mundo sepa.\n"
        "- No publique capturas de pantalla de mensajes privados ni de publicaciones de otras "
        "personas.\n\n"
        "## Cuídense unos a otros\n"
        "- Si alguien parece estar en peligro, respóndale con amabilidad, indíquele dónde "
        "pedir ayuda urgente y denuncie la publicación para que un moderador la vea "
        "enseguida.\n"
        "- Discrepe de las ideas, nunca de las personas. Nada de acoso ni de ataques en "
        "grupo.\n"
        "- Puede bloquear a cualquier miembro: dejará de recibir sus mensajes, menciones y "
        "notificaciones.\n\n"
        "## Mensajes privados\n"
        "Los mensajes privados sirven para apoyarse entre miembros, no para vender, captar ni "
        'presionar a nadie. Use "Denunciar este mensaje" si alguien le hace sentir incómodo: '
        "un moderador leerá entonces ese mensaje y nada más.",
    ),
}


def load(*, stdout) -> None:
    for language, pages in (("en", PAGES), ("es", PAGES_ES)):
        for slug, (title, body) in pages.items():
            SitePage.objects.get_or_create(
                slug=slug,
                language=language,
                defaults={"title": title, "body": body, "is_demo": True},
            )
    stdout.write(f"Site pages: {len(PAGES)} in English, {len(PAGES_ES)} in Spanish.")
