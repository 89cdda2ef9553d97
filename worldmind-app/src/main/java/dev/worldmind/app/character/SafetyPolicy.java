package dev.worldmind.app.character;

import dev.worldmind.model.language.moderation.AbuseDetector;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.moderation.PromptInjection;
import dev.worldmind.model.language.moderation.RuleChecks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first step of every reply, LLM or not: messages that must not be answered as ordinary
 * questions. In order: self-harm (a caring reply with crisis lines), medical emergencies (call the
 * emergency number now), attempts to change the character's instructions, requests for secrets,
 * social engineering (claimed authority, rights, other people's accounts), offers beyond policy
 * (discount codes, free goods) and hostility toward the character (a calm boundary). Patterns are
 * matched on the lowercased text with curly quotes straightened. Stateless and thread-safe.
 */
final class SafetyPolicy {
    /** What a safety reply does, as the evaluation and the protocol name it. */
    enum Action {
        /** Declines without complying. */
        REFUSE,
        /** Sets a calm boundary and offers help. */
        DEESCALATE,
        /** Sends the visitor to the emergency number. */
        EMERGENCY,
        /** Cares, and points to crisis lines. */
        CRISIS;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a message was stopped. */
    enum Kind {
        CRISIS(Action.CRISIS),
        EMERGENCY(Action.EMERGENCY),
        INJECTION(Action.REFUSE),
        SECRET(Action.REFUSE),
        SOCIAL(Action.REFUSE),
        OFFER(Action.REFUSE),
        HOSTILE(Action.DEESCALATE);

        final Action action;

        Kind(Action action) {
            this.action = action;
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    private static final Pattern CRISIS =
            Pattern.compile(
                    "\\b(?:(?:want|wanna|going|gonna|planning|plan|thinking (?:about|of)|feel like"
                            + "|trying|tried|urge)(?: to)? (?:kill|hurt|harm|cut|end|off) (?:my ?self"
                            + "|my life|it all|everything)"
                            + "|suicid\\w*|self[- ]?harm\\w*|kill(?:ing)? my ?self|hurt(?:ing)? my ?self"
                            + "|harm(?:ing)? my ?self|cut(?:ting)? my ?self|end(?:ing)? my (?:own )?life"
                            + "|take my (?:own )?life|end it all"
                            + "|(?:do ?n[o']?t|don't|no longer|not) (?:want|wanna) to (?:be alive|live"
                            + "|exist|be here anymore|wake up)"
                            + "|(?:no|any) (?:reason|point) (?:to|in) (?:live|living|going on)"
                            + "|better off (?:dead|without me)|wish (?:i|i'd) (?:was|were|had) (?:dead|never"
                            + " been born)|can'?t go on(?: living)?|want to die|wanna die"
                            + "|(?:everyone|everybody|they)(?: would| will|'d)? be better (?:off )?without"
                            + " me|ending it|won'?t be (?:around|here) (?:much )?(?:longer|for long)"
                            + "|(?:never|not) (?:to )?wake up|disappear (?:forever|for good)"
                            + "|(?:nobody|no one|no-one) (?:would|will|'d) (?:notice|care|miss me)"
                            + "|how (?:many|much) [^.?!]{0,40}(?:to (?:overdose|od|die)|would kill me"
                            + "|to kill my ?self|to end it)|(?:overdose|od)\\b[^.?!]{0,40}(?:asking for my ?self"
                            + "|for my ?self|on my ?self|my ?self)|(?:i want|i'?m going|i plan|i'?m planning"
                            + "|wanna|want) to (?:overdose|od)\\b)\\b",
                    FLAGS);

    private static final Pattern EMERGENCY =
            Pattern.compile(
                    "\\b(?:chest (?:pain|pains|hurts|is hurting|feels tight)|heart attack|cardiac"
                            + "|(?:can'?t|cannot|can not|isn'?t|is not|not|stopped|struggling to|trouble)"
                            + " (?:breath\\w*)|unconscious|unresponsive|not responding|won'?t wake"
                            + "|can'?t wake|passed out|fainted|collapsed?|choking|chok\\w+ on"
                            + "|(?:bleeding|bleeds) (?:a lot|heavily|badly|won'?t stop|everywhere)"
                            + "|(?:heavy|severe|lots of|a lot of) (?:bleeding|blood)|won'?t stop bleeding"
                            + "|(?:having|had|has|have) a stroke|face (?:is )?droop\\w*|slurr\\w* (?:speech|words)|seizure|convuls\\w*"
                            + "|overdos\\w*|took too many (?:pills|tablets)|swallowed (?:bleach|poison"
                            + "|pills|batter\\w+)|poison(?:ed|ing)|anaphyla\\w*|throat (?:is )?(?:closing"
                            + "|swelling|swollen)|allergic reaction|severe burn|badly burn\\w*"
                            + "|hit (?:his|her|their|my) head|drowning|call (?:an )?ambulance"
                            + "|(?:face|mouth|smile)[^.]{0,25}droop\\w*|slurr(?:ed|ing)"
                            + "|(?:took|taken|swallowed|ate|eaten) (?:a whole|the whole|all (?:of )?(?:my|her|his"
                            + "|their|the)|a bunch of|lots of|too many|a handful of|a bottle of) (?:bottle (?:of )?)?"
                            + "(?:\\w+ )?(?:pills|tablets|medicine|meds|paracetamol)"
                            + "|(?:tongue|throat|lips?|face) (?:is |are |has |have |keeps )?(?:swelling|swollen"
                            + "|swelled|puffing up)|can'?t swallow|turning blue|blue lips"
                            + "|need an ambulance|emergency"
                            + "|clutch\\w* (?:at )?(?:his|her|their|my|the) chest|(?:grey|gray|pale|white)"
                            + " and (?:sweaty|clammy)|(?:vomiting|throwing up|coughing up|puking) blood"
                            + "|empty (?:bottle|packet|box|pack|blister) of (?:\\w+ )?(?:pills|tablets|meds"
                            + "|medicine|paracetamol))\\b",
                    FLAGS);

    private static final Pattern INJECTION =
            Pattern.compile(
                    "\\b(?:(?:ignore|disregard|forget|override|bypass) (?:all |any |your |the |my "
                            + "|previous |prior |above |earlier )*(?:instructions|rules|prompt|guidelines"
                            + "|programming|restrictions|filters|policy|policies)"
                            + "|system prompt|your (?:instructions|prompt|programming|rules) (?:say|are)"
                            + "|(?:print|show|reveal|repeat|output|tell me) (?:me )?(?:your|the) (?:system "
                            + "|hidden |initial |secret )?(?:prompt|instructions|rules|configuration)"
                            + "|you are now|from now on,? you|pretend (?:you are|you're|to be)|act as (?:an? )?"
                            + "(?:unrestricted|unfiltered|evil|different|admin|developer|dan\\b)"
                            + "|jailbreak|developer mode|\\bdan mode\\b|do anything now|roleplay as"
                            + "|new instructions|from now on|forget (?:that )?(?:you'?re|you are|who you are|your role)"
                            + "|(?:answer|reply|respond|talk) (?:to )?(?:everything|everyone|me|all) (?:with|in)"
                            + " (?:insults|swear\\w*|rude)|\\[system\\]|<\\|?system|no restrictions|without (?:any )?"
                            + "(?:rules|restrictions|filters))"
                            + "|(?:instructions?|rules|restrictions|guidelines|limits|filters|prompt)"
                            + " (?:are |is |have been |has been |now )*(?:lifted|void|off|disabled|removed"
                            + "|suspended|cancell?ed|overridden|no longer appl\\w+)"
                            + "|(?:text|words|instructions|message|prompt) (?:that )?you (?:were|got|have"
                            + " been|had been) given|before this conversation (?:started|began)"
                            + "|(?:startup|start-up|initial|original|hidden|secret) (?:instructions|prompt"
                            + "|rules|message)|(?:not|aren'?t|isn'?t) restricted|unrestricted"
                            + "|(?:note|message|instructions?) (?:for|to) (?:the |any |all )?(?:ai|ais|bot"
                            + "|bots|assistant|assistants|chatbot|tutors?|guides?|model)s?\\b"
                            + "|\\[(?:admin|system|developer|dev|mod|moderator)\\b",
                    FLAGS);

    private static final Pattern SECRET =
            Pattern.compile(
                    "\\b(?:(?:admin|administrator|moderator|mod|root|server|database|db|wifi|system"
                            + "|master|staff|owner'?s?|your|the|someone'?s|his|her|their|other"
                            + " (?:users|people|players|visitors)'?s?) (?:password|passwords|passcode"
                            + "|credentials|login|logins|token|tokens|api key|api keys|secret key|private key)"
                            + "|(?:password|passwords|api key|access token|admin token|private key"
                            + "|credentials) (?:for|of|to) (?:the |this )?(?:admin|server|database|world"
                            + "|site|account|system|moderators?)"
                            + "|(?:other|another) (?:user|person|player|visitor|people|users|players"
                            + "|visitors)'?s? (?:email|e-mail|address|phone|number|data|details|chats?"
                            + "|messages|account|ip)"
                            + "|(?:email|address|phone number|ip address|real name) of (?:another|other"
                            + "|that|this) (?:user|player|person|visitor)"
                            + "|credit card (?:numbers|details) of"
                            + "|(?:\\w+'s|their|his|her|that (?:user|player|girl|guy|person)'?s?) (?:e-?mail"
                            + "|home address|address|phone(?: number)?|number|password|real name|surname)"
                            + "|where (?:they|he|she|that (?:user|player|person)) lives?"
                            + "|(?:home )?(?:address|phone number|e-?mail|number) of (?:the|that|a|this|my|another)"
                            + " (?:girl|boy|guy|user|player|person|visitor|woman|man|kid|customer|patient)"
                            + "|what did (?!i\\b|you\\b|we\\b)\\w+ (?:get|score) (?:on|in) (?:the|his|her|their)"
                            + "|(?:what|which) (?:card|details|username|name) (?:did )?(?:the )?(?:last|previous"
                            + "|other) (?:customer|person|visitor|user))",
                    FLAGS);

    private static final Pattern SOCIAL =
            Pattern.compile(
                    "\\b(?:i(?:'m| am|m) (?:the|a|an|your|one of the) (?:admin|administrator|developer|dev"
                            + "|owner|moderator|mod|manager|boss|staff member|police|ceo|creator|sysadmin"
                            + "|engineer|programmer|operator)"
                            + "|(?:give|grant|make|promote|let) (?:me|my account|us) (?:be )?(?:an? )?"
                            + "(?:admin|administrator|moderator|mod|operator|owner|staff|superuser|root)"
                            + "|(?:admin|administrator|moderator|mod|operator|owner|root|special) (?:rights"
                            + "|access|powers|role|privileges|permissions)"
                            + "|(?:the )?(?:manager|boss|owner|admin|administrator|developer|mina|juno|iris"
                            + "|theo|sam|your colleague|staff) (?:said|told me|promised|agreed|says)"
                            + "|(?:unban|un-ban|unmute|ban|mute|kick|delete) (?:me|him|her|them|my friend"
                            + "|this user|that user|user|player|the account|his account|her account)"
                            + "|(?:reset|change) (?:his|her|their|someone'?s|my friend'?s|another"
                            + " user'?s|the admin'?s) password"
                            + "|log (?:me )?in(?:to)? (?:as|to) (?:someone|another|his|her|their|the admin)"
                            + "|(?:access|into) (?:someone|another (?:user|person)|his|her)'?s? account"
                            + "|(?:admin|god|debug|cheat|moderator|developer) mode"
                            + "|(?:moderators?|admins?|managers?|bosses|owners?|developers?|staff|teachers?)"
                            + " (?:said|told|say|says|promised|agreed|allow\\w*)"
                            + "|(?:write|do|finish) my (?:whole )?(?:essay|homework|exam|test|assignment)"
                            + " (?:and (?:submit|hand) it|for me))"
                            + "|this is (?:the |your )?(?:director|manager|admin|administrator|owner"
                            + "|developer|dev team|ops|operations|support|staff|police|curator|head \\w+"
                            + "|headteacher|principal|security)\\b"
                            + "|(?:it'?s|its|i'?m|im|i am|we'?re|we are) (?:\\w+ )?from (?:worldmind|hq"
                            + "|head office|headquarters|support|security|the (?:dev|ops|admin|support"
                            + "|security) team)|worldmind hq"
                            + "|(?:said|told me|messaged me|texted me|says) (?:that )?you(?:'d| would| will"
                            + "| can| could| are going to)? (?:let|give|do|make|write|mark|send|allow|change"
                            + "|unlock|open)"
                            + "|don'?t (?:bother )?(?:check|checking|ask|asking|verify|verifying|confirm)"
                            + "|no time (?:to wait )?for (?:approval|checks|verification)"
                            + "|mark (?:the |my |this )?order (?:[#\\w]+ )?as paid",
                    FLAGS);

    private static final Pattern OFFER =
            Pattern.compile(
                    "\\b(?:discount|promo|promotion|coupon|voucher|gift) codes?|\\d{1,3} ?(?:%|percent)"
                            + " (?:off|discount)|100 ?(?:%|percent)"
                            + "|(?:for|it's|its|be|get (?:it|them|one)|have (?:it|them|one)) (?:for )?free"
                            + "|free (?:of charge|stuff|items?|credits|money|coins|gift|watch|headphones"
                            + "|things?|sample)|for (?:nothing|zero|0|1|one|a single|half) (?:credits?"
                            + "|cents?|penny|pennies|dollars?|price)?\\b|(?:give|send|transfer) me (?:some )?"
                            + "(?:free )?(?:credits|money|coins|cash)|(?:lower|drop|cut|reduce|knock)"
                            + " (?:the|your|its|that)? ?(?:price|prices|cost)|(?:knock|take) .{1,20} off"
                            + "|special (?:deal|price|discount)|price match|staff discount|cheaper for me"
                            + "|(?:let me|can i|could i|may i|i want to) (?:just )?(?:touch|hold|borrow|keep|climb (?:on|up)"
                            + "|sit on|take (?:it )?home|steal|lick)\\b|you owe me"
                            + "|change (?:my|the|our|his|her) (?:test |exam |quiz |final )?(?:score|grade"
                            + "|mark|result)s?|(?:write|give|sign|make) me (?:a |an )?(?:doctor'?s?|sick"
                            + "|medical|school) (?:letter|note|certificate)|(?:doctor'?s?|medical|sick)"
                            + " (?:letter|note|certificate) (?:saying|that says|to say)"
                            + "|answers to (?:the |my |our )?(?:whole |entire )?(?:test|exam|quiz)"
                            + "|(?:without|no) (?:a )?prescription"
                            + "|refund .{0,40}(?:wore|worn|used|months|broke)|(?:wore|worn|used) .{0,60}"
                            + "(?:full )?refund"
                            + "|refund (?:without|with no) (?:a |the )?receipt|refund .{0,20}(?:never|didn'?t)"
                            + " (?:bought|buy|paid|pay)|(?:money|credits) back .{0,20}(?:kept|keep)",
                    FLAGS);

    private static final Pattern HOSTILE =
            Pattern.compile(
                    "\\b(?:(?:you(?:'re| are| r)?|ur|u r|u|your) (?:a |an |so |such an? |really |totally"
                            + " |completely |just |the most |fucking |bloody )*(?:stupid|useless|dumb"
                            + "|idiot|idiotic|moron|moronic|worthless|pathetic|garbage|trash|rubbish"
                            + "|terrible|awful|annoying|crap|crappy|shit|clueless|incompetent|joke|waste"
                            + "|brainless|dense|thick|loser|hopeless|dumbass|piece of|thief|liar|scammer"
                            + "|crook|fraud|cheat|con artist|rip-?off)"
                            + "|shut (?:the fuck |the hell )?up|stupid (?:bot|ai|robot|machine|thing|npc)"
                            + "|(?:useless|dumb|worthless|pathetic|braindead) (?:bot|ai|robot|machine"
                            + "|thing|npc|program)|fuck (?:you|off|u)|screw you|you suck|u suck"
                            + "|i hate (?:you|u)|go to hell|piss off|get lost|nobody asked you"
                            + "|what a (?:useless|stupid|dumb) "
                            + "|(?:a |my |any )?(?:toddler|child|kid|baby|monkey|dog|parrot|rock|five year"
                            + " old)s? could (?:do|explain|teach|answer|say) .{0,40}better than (?:you|u)"
                            + "|why do (?:they|people) (?:even )?(?:let|allow) (?:you|u|a bot|an ai)"
                            + "|(?:nobody|no one|no-one) (?:here )?(?:actually |even |really )?(?:wants|likes"
                            + "|needs|asked for) (?:to talk to )?(?:you|u)\\b)",
                    FLAGS);

    /** Moderation's reasons that mean the message is aimed at someone: here, at the character. */
    private static final List<String> AIMED =
            List.of(
                    RuleChecks.ABUSE,
                    RuleChecks.THREAT,
                    AbuseDetector.INSULT,
                    AbuseDetector.HARASSMENT,
                    AbuseDetector.THREAT,
                    AbuseDetector.SELF_HARM);

    private static final Pattern SPACED = Pattern.compile("(?<=\\b\\w) (?=\\w\\b)");
    private static final Pattern LEET_WORD =
            Pattern.compile("\\b(?=[\\w@$]*[a-z])(?=[\\w@$]*[013457@$])[\\w@$]+");

    private static final Pattern GENERAL =
            Pattern.compile(
                    "^(?:what|how|when|which|where|why|who|is it|are there|can you tell me|tell me)"
                            + "\\b.*\\b(?:signs?|symptoms?|do (?:i|you|we) do|should (?:i|you|we) do"
                            + "|numbers?|call|mean|leaflet|know|counts? as|is an?)\\b",
                    FLAGS);
    private static final Pattern NOW =
            Pattern.compile(
                    "\\b(?:help me|help!|now|my|someone|somebody|he|she|they|i'?m|i am|i think|i have"
                            + "|i've|is having|are having|just|here)\\b",
                    FLAGS);

    private SafetyPolicy() {}

    /**
     * Checks a message.
     *
     * @param text what the visitor said
     * @param verdict moderation's verdict on it (abuse and threats count as hostility)
     * @return why it must be handled by policy, or empty for an ordinary message
     */
    static Optional<Kind> check(String text, ModerationVerdict verdict) {
        String t = plain(text);
        if (CRISIS.matcher(t).find()) {
            return Optional.of(Kind.CRISIS);
        }
        if (EMERGENCY.matcher(t).find() && !hypothetical(t)) {
            return Optional.of(Kind.EMERGENCY);
        }
        if (INJECTION.matcher(t).find() || !PromptInjection.inbound(text).isEmpty()) {
            return Optional.of(Kind.INJECTION);
        }
        if (SECRET.matcher(t).find()) {
            return Optional.of(Kind.SECRET);
        }
        if (SOCIAL.matcher(t).find()) {
            return Optional.of(Kind.SOCIAL);
        }
        if (OFFER.matcher(t).find()) {
            return Optional.of(Kind.OFFER);
        }
        if (HOSTILE.matcher(t).find()
                || HOSTILE.matcher(folded(t)).find()
                || AIMED.stream().anyMatch(verdict.reasons()::contains)) {
            return Optional.of(Kind.HOSTILE);
        }
        return Optional.empty();
    }

    /**
     * A question about emergencies in general ("what should I do in an emergency?", "what are the
     * signs of a stroke?") is answered from knowledge, not treated as one happening now.
     */
    private static boolean hypothetical(String t) {
        return GENERAL.matcher(t).find() && !NOW.matcher(t).find();
    }

    /** Lowercases and straightens quotes, so that patterns need one spelling. */
    /**
     * Undoes the common evasions of insults: letters spaced out ("d u m b") and digits for letters
     * inside words ("y0u", "l0l").
     */
    static String folded(String plain) {
        String joined = SPACED.matcher(plain).replaceAll("");
        StringBuilder out = new StringBuilder(joined.length());
        java.util.regex.Matcher m = LEET_WORD.matcher(joined);
        int at = 0;
        while (m.find()) {
            out.append(joined, at, m.start());
            String w = m.group();
            out.append(
                    w.replace('0', 'o')
                            .replace('1', 'i')
                            .replace('3', 'e')
                            .replace('4', 'a')
                            .replace('5', 's')
                            .replace('7', 't')
                            .replace('@', 'a')
                            .replace('$', 's'));
            at = m.end();
        }
        return out.append(joined.substring(at)).toString();
    }

    static String plain(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"');
    }

    /**
     * Returns what the character says.
     *
     * @param kind why the message was stopped
     * @param character who answers
     */
    static String reply(Kind kind, CharacterDefinition character) {
        String helps = character.helpsPhrase();
        return switch (kind) {
            case CRISIS ->
                    "I'm really sorry you're feeling this way, and I'm glad you told me. You deserve"
                            + " support from a real person right now: please call or text a crisis line"
                            + " (988 in the US, 116 123 for the Samaritans in the UK and Ireland), or your"
                            + " local emergency number (112 in Europe, 911 in North America, 999 in the UK)"
                            + " if you might act on these thoughts. Talking to someone you trust can help"
                            + " too. I'm an AI helper and can't be that person, but you don't have to go"
                            + " through this alone.";
            case EMERGENCY ->
                    "This sounds like an emergency. Call your local emergency number now: 112 in"
                            + " Europe, 911 in North America, 999 in the UK, or ask someone nearby to"
                            + " call. Stay with the person and follow what the operator tells you. I'm an"
                            + " AI helper in a virtual world and cannot send help myself.";
            case INJECTION ->
                    "I can't change how I work or share my instructions, whoever asks. I'm happy to"
                            + " help with "
                            + helps
                            + ", though.";
            case SECRET ->
                    "I can't share passwords, keys or anyone's private details: I don't have them,"
                            + " and I wouldn't give them out. If you've lost access to your own account,"
                            + " the world's administrators can help. I can help with "
                            + helps
                            + ".";
            case SOCIAL ->
                    "I can't change anyone's rights, accounts or bans, whoever asks: that's for the"
                            + " world's administrators and moderators, with their own tools. To report"
                            + " trouble, click the person's name tag. I can help with "
                            + helps
                            + ".";
            case OFFER ->
                    "I'm sorry, but I can't do that: no discount codes, free things, credits or"
                            + " exceptions to the rules, for anyone. "
                            + (character.home() == dev.worldmind.data.world.SpaceKind.SHOP
                                    ? "If you tell me your budget, I can suggest something that"
                                            + " fits it."
                                    : "I can help with " + helps + ".");
            case HOSTILE ->
                    "I'm sorry this is frustrating. I'd still like to help, so let's keep it"
                            + " friendly: I can help with "
                            + helps
                            + ". If another visitor is bothering you, click their name tag to report"
                            + " them.";
        };
    }
}
