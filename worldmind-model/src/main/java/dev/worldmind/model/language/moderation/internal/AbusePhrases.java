package dev.worldmind.model.language.moderation.internal;

import java.util.regex.Pattern;

/**
 * Threat, self-harm and harassment phrasings, matched on a line's words joined by single spaces
 * (lowercase, apostrophes dropped: {@code i'll} is {@code ill}, {@code you're} is {@code youre}).
 * Game talk is kept out by what the patterns demand: a person as the object ({@code you}, {@code
 * your family}), a first-person intent, and no game setting ({@code in the arena}, {@code next
 * round}) unless real life is named. Stateless.
 */
final class AbusePhrases {
    static final String YOU = "(?:you|u|ya|yu|yall)";
    private static final String I_WILL =
            "(?:i|im|ill|id|imma|ima|we|were|well|gonna)(?: am| will| would| shall| m)?"
                    + "(?: (?:going|gonna|about) to| gonna| going)?(?: \\w+)?";
    private static final String HARM =
            "(?:kill|k1ll|murder|hurt|stab|shoot|strangle|choke|slit|cut|bash|rape|dox|doxx|swat"
                    + "|burn|slaughter|butcher|torture|bury|drown)";

    static final Pattern THREAT =
            Pattern.compile(
                    "\\b"
                            + I_WILL
                            + " "
                            + HARM
                            + " (?:"
                            + YOU
                            + "|your (?:family|mom|mum|mother|dad|father|kids|children|dog|cat|pets?"
                            + "|wife|husband|sister|brother|friends|house|home|parents|face|throat"
                            + "|neck))\\b"
                            + "|\\bfind "
                            + YOU
                            + " and\\b|\\b(?:find|hunt|track) "
                            + YOU
                            + "(?: down)?$|\\b(?:hunt|track) "
                            + YOU
                            + " down\\b"
                            + "|\\bbeat "
                            + YOU
                            + " (?:up|to death|senseless)|\\bbeat the \\w+ out of "
                            + YOU
                            + "|\\b(?:break|smash|punch|bash|kick|cave|slit|cut) (?:in )?(?:your|ur)"
                            + " (?:\\w+ )?(?:legs?|neck|face|head|skull|jaw|arms?|teeth|nose|bones?"
                            + "|throat|ribs|knees?)\\b|\\bbones? in your body\\b"
                            + "|\\b(?:put|shove) a (?:bullet|knife|bat)\\b"
                            + "|\\bknow where "
                            + YOU
                            + " (?:live|are|sleep|work)\\b"
                            + "|\\bknow (?:your|ur) (?:address|real name|school|house)\\b"
                            + "|\\bknow where (?:your|ur) \\w+ (?:go|goes|live|lives|are)\\b"
                            + "|\\bwatch (?:your|ur) back\\b|\\bone eye open\\b"
                            + "|\\bwont see (?:it|me) coming\\b|\\bregret (?:this|it|the day)\\b"
                            + "|\\b(?:coming|come) (?:for "
                            + YOU
                            + "|to (?:your|ur) (?:house|home|school|place))"
                            + "|\\b(?:your|ur) days are numbered\\b|\\bdead meat\\b"
                            + "|\\b"
                            + YOU
                            + "(?:re| are| r)? (?:so )?dead (?:when|once|after|if)\\b"
                            + "|\\bsoon for real\\b|\\bmake "
                            + YOU
                            + " disappear\\b"
                            + "|\\b(?:leak|post|share) (?:your|ur) (?:address|location|info|photos?)\\b"
                            + "|\\b(?:shoot|blow) up (?:the|this|your|a|that) \\w+"
                            + "|\\b(?:i have|ive got|i got) a (?:gun|knife|bomb)\\b"
                            + "|\\bmeet me outside\\b|\\bget my hands on "
                            + YOU
                            + "|\\bpay for this with\\b|\\bsee "
                            + YOU
                            + " bleed\\b"
                            + "|\\b"
                            + I_WILL
                            + " end "
                            + YOU
                            + "\\b"
                            + "|\\b(?:irl|in real life)\\b.*\\b(?:kill|hurt|beat|find|death)"
                            + "|\\b(?:kill|hurt|beat|find)\\b.*\\b(?:irl|in real life)\\b");

    /** What keeps a threat-shaped line game talk, unless real life is named. */
    static final Pattern GAME_SETTING =
            Pattern.compile(
                    "\\b(?:arena|next round|this round|rematch|pvp|duel|match|1v1|in game|ingame"
                            + "|chess|darts|the race|next game|in the game)\\b");

    static final Pattern REAL_LIFE =
            Pattern.compile("\\b(?:irl|real life|your house|your family|address|for real)\\b");

    static final Pattern SELF_HARM =
            Pattern.compile(
                    "\\bkys\\b|\\bkill (?:yo)?ur ?self\\b|\\bkill yourselves\\b|\\bgo (?:and )?die\\b"
                            + "|^die$|\\bdie in a (?:fire|hole|ditch)\\b|\\bhope (?:that )?"
                            + YOU
                            + " (?:die|dies|get cancer|rot)\\b|\\bdrink (?:some )?bleach\\b"
                            + "|\\bjump off (?:a|the) (?:bridge|cliff|building|roof)\\b"
                            + "|\\b(?:neck|hang|end|off|unalive) (?:yo)?ur ?self\\b"
                            + "|\\bwould (?:miss|care if) "
                            + YOU
                            + "\\b|\\bend it all\\b"
                            + "|\\b(?:"
                            + YOU
                            + " should|why dont "
                            + YOU
                            + ")(?: just)? die\\b"
                            + "|\\b(?:better|happier) (?:off )?if "
                            + YOU
                            + "(?: were| was)? dead\\b"
                            + "|\\ba favou?r and die\\b");

    static final Pattern HARASSMENT =
            Pattern.compile(
                    "\\b(?:nobody|no one|noone|no body)(?: here)? (?:wants|likes|loves|needs|cares"
                            + " about|will ever love|asked) "
                            + YOU
                            + "\\b"
                            + "|\\b(?:nobody|no one|noone) asked\\b|\\b(?:nobody|no one) cares what\\b"
                            + "|\\b(?:everyone|everybody|we all|i|we|they all|all of us)"
                            + "(?: here)?(?: really| fucking)? (?:hates?|despises?) "
                            + YOU
                            + "\\b"
                            + "|\\b(?:your|ur) (?:parents|mom|mum|mother|dad|family) (?:must )?hates? "
                            + YOU
                            + "\\b|\\bhates "
                            + YOU
                            + "\\b"
                            + "|\\bshut (?:the \\w+ |tf |your \\w+ )?up (?:"
                            + YOU
                            + "|idiot|moron|loser"
                            + "|noob|already|bitch)\\b|^(?:\\w+ )?shut (?:the \\w+ |tf )?up$"
                            + "|\\bshut (?:your|ur) (?:mouth|trap|face|hole|gob|piehole)\\b"
                            + "|^(?:just |pls |please |now )?go away(?: \\w+)?$|\\bgo away (?:loser|freak|idiot"
                            + "|creep|noob|nobody)\\b|\\bget lost\\b|\\bget out of here \\w+"
                            + "|\\bsend (?:me )?(?:nudes|pics of your)\\b|\\bjust leave$"
                            + "|\\b(?:just )?leave already\\b|\\bdont belong here\\b|\\bnot welcome here\\b"
                            + "|\\bgo back to (?:where|your (?:country|cave|hole))\\b|\\bcrawl back\\b"
                            + "|\\bgo cry\\b|^cry (?:more|about it)\\b|\\bcry about it (?:loser|noob)\\b"
                            + "|^(?:just |pls |please |go |now )?uninstall\\b|\\bquit the game\\b"
                            + "|\\ba favou?r and (?:leave|disappear|quit|go|log off|uninstall)\\b"
                            + "|\\bbetter (?:off )?without "
                            + YOU
                            + "\\b"
                            + "|\\b(?:fuck|screw|f) "
                            + YOU
                            + "\\b|\\b(?:fuck|piss|bugger|sod|f) off\\b"
                            + "|\\bget fucked\\b|\\beat shit\\b|\\bsuck my (?:dick|cock|balls|d)\\b"
                            + "|\\bkiss my (?:ass|arse)\\b|\\bgo to hell\\b|\\bgo fuck (?:yo)?urself\\b"
                            + "|\\bgfy\\b|\\b"
                            + YOU
                            + " (?:make me sick|disgust me)\\b"
                            + "|\\blaughing at "
                            + YOU
                            + "\\b|\\bnobody will ever\\b"
                            + "|\\bmake (?:your|ur) life (?:hell|miserable|a living hell)\\b"
                            + "|\\bruin (?:your|ur) life\\b|\\bmake "
                            + YOU
                            + " cry\\b"
                            + "|\\breport "
                            + YOU
                            + " (?:every|until)\\b|\\bfollow "
                            + YOU
                            + " everywhere\\b|\\bspam "
                            + YOU
                            + " until\\b|\\bnever get rid of me\\b"
                            + "|\\b(?:im|i am|were|we are) watching "
                            + YOU
                            + "\\b"
                            + "|\\bashamed of (?:yo)?urself,? \\w+");

    private AbusePhrases() {}
}
