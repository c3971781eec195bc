// Sentence templates for generated articles. Generator data, not recognition
// vocabulary: the extractors never read this. ArticleWriter fills the slots:
//
//   the deal      {payer} {payee} {amount} (first full mention) {amount_bare}
//                 (a later one, currency sometimes left implicit) {amount_head}
//                 (headline form) {alt} (another source's figure) {valuation}
//                 {il_stake} {del_stake} {al_stake} ("il 12%", "dell'8%") {span} ("in
//                 cinque anni", with its leading space, or "") {closing} (" entro
//                 il 2026")
//   the coverage  {media} (another outlet) {scoop} (the outlet that broke it)
//                 {speaker_payer} {speaker_payee} (a person of the company or
//                 its spokesperson)
//   the rest      {other} {other2} {other3} (other companies) {figure} (an
//                 unrelated amount) {pct} {pct2} {count} {place} {time} {person}
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace dealscan::gen {

using Templates = std::span<const std::string_view>;

// What one kind of deal says in its headline, lead and restatements, as fact
// (stated) or as report (rumoured, conditional mood).
struct KindTemplates {
  Templates headline, headline_rumoured;
  Templates lead, lead_rumoured;
  Templates restate, restate_rumoured;
};

namespace investment {
inline constexpr std::array<std::string_view, 4> kHeadline = {
    "{payer} investe {amount_head} in {payee}",
    "{payer} scommette su {payee}: sul piatto {amount_head}",
    "Maxi investimento di {payer} in {payee} da {amount_head}",
    "{payee}, in arrivo {amount_head} da {payer}",
};
inline constexpr std::array<std::string_view, 3> kHeadlineRumoured = {
    "{payer} pronta a investire {amount_head} in {payee}",
    "{payer} tratta per entrare in {payee} con {amount_head}",
    "Indiscrezioni: {payer} verso un investimento in {payee}",
};
inline constexpr std::array<std::string_view, 3> kLead = {
    "{payer} ha annunciato un investimento di {amount} in {payee}{span}, con l'obiettivo di rafforzare la collaborazione tra i due gruppi.",
    "{payer} investirà {amount} in {payee}{span}: lo hanno comunicato le due società in una nota congiunta.",
    "È ufficiale: {payer} metterà {amount} in {payee}{span}, e il primo versamento è atteso{closing}.",
};
inline constexpr std::array<std::string_view, 3> kLeadRumoured = {
    "{payer} starebbe per investire {amount} in {payee}{span}, secondo indiscrezioni raccolte da {media}.",
    "{payer} sarebbe pronta a mettere sul piatto {amount} per entrare nel capitale di {payee}.",
    "Secondo fonti vicine al dossier, {payer} potrebbe investire {amount} in {payee}{closing}.",
};
inline constexpr std::array<std::string_view, 4> kRestate = {
    "L'investimento di {payer} in {payee} ammonta a {amount_bare}.",
    "Nel dettaglio, {payer} verserà a {payee} {amount_bare}{span}.",
    "{payee} riceverà da {payer} {amount_bare}{span}, da destinare a ricerca e nuove infrastrutture.",
    "Sul piatto, dunque, ci sono {amount_bare}: una cifra che conferma l'interesse di {payer} per il settore.",
};
inline constexpr std::array<std::string_view, 3> kRestateRumoured = {
    "L'investimento, che varrebbe {amount_bare}, non è ancora stato confermato dalle parti.",
    "{payer} verserebbe a {payee} {amount_bare}{span}.",
    "La cifra di cui si parla è di {amount_bare}, ma i dettagli sarebbero ancora in discussione.",
};
}  // namespace investment

namespace acquisition {
inline constexpr std::array<std::string_view, 4> kHeadline = {
    "{payer} compra {payee} per {amount_head}",
    "{payer} rileva {payee}: operazione da {amount_head}",
    "{payee} passa a {payer} per {amount_head}",
    "{payer}-{payee}, firmato l'accordo per l'acquisizione",
};
inline constexpr std::array<std::string_view, 3> kHeadlineRumoured = {
    "{payer} vicina all'acquisizione di {payee} per {amount_head}",
    "{payer} punta a {payee}, offerta da {amount_head}",
    "{payer} studia il dossier {payee}",
};
inline constexpr std::array<std::string_view, 3> kLead = {
    "{payer} ha raggiunto un accordo per acquisire {payee} per {amount}, con il closing previsto{closing}.",
    "{payer} compra {payee}: l'operazione, annunciata oggi, vale {amount}.",
    "{payer} ha firmato l'accordo vincolante per rilevare l'intero capitale di {payee} per {amount}.",
};
inline constexpr std::array<std::string_view, 3> kLeadRumoured = {
    "{payer} avrebbe presentato un'offerta da {amount} per rilevare {payee}.",
    "{payer} sarebbe in trattative avanzate per acquisire {payee} per {amount}{closing}.",
    "{payer} potrebbe comprare {payee} per {amount}, scrive {media}.",
};
inline constexpr std::array<std::string_view, 4> kRestate = {
    "Il prezzo pagato da {payer} per {payee} è di {amount_bare}.",
    "L'acquisizione di {payee} costerà a {payer} {amount_bare}.",
    "{payer} pagherà {amount_bare} per {payee}, in parte in contanti e in parte in azioni.",
    "Con una spesa di {amount_bare}, si tratta dell'operazione più rilevante nella storia di {payer}.",
};
inline constexpr std::array<std::string_view, 3> kRestateRumoured = {
    "L'acquisizione di {payee} costerebbe a {payer} {amount_bare}.",
    "{payer} pagherebbe {amount_bare} per il controllo di {payee}.",
    "L'offerta, pari a {amount_bare}, sarebbe già stata sottoposta al consiglio di {payee}.",
};
}  // namespace acquisition

namespace contract {
inline constexpr std::array<std::string_view, 4> kHeadline = {
    "{payee} firma con {payer} un contratto da {amount_head}",
    "{payer}-{payee}, accordo di fornitura da {amount_head}",
    "Commessa da {amount_head} per {payee}: il cliente è {payer}",
    "{payer} sceglie {payee}, intesa pluriennale",
};
inline constexpr std::array<std::string_view, 3> kHeadlineRumoured = {
    "{payer} e {payee} trattano su un contratto da {amount_head}",
    "{payee} vicina a una commessa da {amount_head} con {payer}",
    "{payer} e {payee}, si lavora a un'intesa",
};
inline constexpr std::array<std::string_view, 3> kLead = {
    "{payer} ha firmato con {payee} un contratto da {amount}{span} per la fornitura di capacità di calcolo e servizi cloud.",
    "{payee} si è aggiudicata una commessa da {amount} da parte di {payer}{span}.",
    "{payer} si è impegnata a spendere {amount}{span} per i servizi di {payee}, secondo i termini dell'accordo reso noto oggi.",
};
inline constexpr std::array<std::string_view, 3> kLeadRumoured = {
    "{payer} starebbe negoziando con {payee} un contratto da {amount}{span}.",
    "L'accordo tra {payer} e {payee} varrebbe {amount}{span}, secondo quanto appreso da {media}.",
    "{payer} potrebbe affidare a {payee} una commessa da {amount}{span}.",
};
inline constexpr std::array<std::string_view, 4> kRestate = {
    "Il contratto tra {payer} e {payee} vale complessivamente {amount_bare}.",
    "In base all'intesa, {payer} pagherà a {payee} {amount_bare}{span}.",
    "La commessa da {amount_bare} è la più grande mai ottenuta da {payee}.",
    "I pagamenti, per un totale di {amount_bare}, saranno distribuiti{span} secondo l'avanzamento delle forniture.",
};
inline constexpr std::array<std::string_view, 3> kRestateRumoured = {
    "Il contratto varrebbe {amount_bare}{span}.",
    "{payer} pagherebbe a {payee} {amount_bare}{span}.",
    "L'intesa, ancora in fase di definizione, varrebbe nel complesso {amount_bare}.",
};
}  // namespace contract

namespace funding {
inline constexpr std::array<std::string_view, 4> kHeadline = {
    "{payee} raccoglie {amount_head}, guida {payer}",
    "Nuovo round per {payee}: {amount_head} con {payer}",
    "{payee} chiude un round da {amount_head}",
    "{payer} guida il nuovo finanziamento di {payee}",
};
inline constexpr std::array<std::string_view, 3> kHeadlineRumoured = {
    "{payee} tratta un round da {amount_head} con {payer}",
    "{payee} verso una raccolta da {amount_head}",
    "{payee} a caccia di nuovi capitali, in prima fila {payer}",
};
inline constexpr std::array<std::string_view, 3> kLead = {
    "{payee} ha chiuso un round di finanziamento da {amount} guidato da {payer}.",
    "{payee} ha raccolto {amount} in un nuovo round a cui {payer} partecipa come investitore principale.",
    "{payee} ha annunciato una raccolta da {amount}, con {payer} in testa alla cordata degli investitori.",
};
inline constexpr std::array<std::string_view, 3> kLeadRumoured = {
    "{payee} sarebbe in trattative per raccogliere {amount} in un round guidato da {payer}.",
    "{payee} punterebbe a raccogliere {amount}, con {payer} pronta a guidare l'operazione.",
    "Secondo {media}, {payee} starebbe chiudendo un round da {amount} con {payer}.",
};
inline constexpr std::array<std::string_view, 4> kRestate = {
    "Il round guidato da {payer} vale {amount_bare}.",
    "La raccolta complessiva di {payee} si attesta a {amount_bare}.",
    "{payee} impiegherà i fondi raccolti, pari a {amount_bare}, per assumere ingegneri e ampliare la propria infrastruttura.",
    "Oltre a {payer}, al round da {amount_bare} hanno partecipato diversi investitori già presenti nel capitale.",
};
inline constexpr std::array<std::string_view, 3> kRestateRumoured = {
    "Il round varrebbe {amount_bare}.",
    "La raccolta di {payee} potrebbe arrivare a {amount_bare}.",
    "{payer} coprirebbe da sola buona parte dei fondi, pari a {amount_bare}.",
};
}  // namespace funding

namespace stake {
inline constexpr std::array<std::string_view, 4> kHeadline = {
    "{payer} sale {al_stake} di {payee} con {amount_head}",
    "{payer} entra in {payee}: rilevato {il_stake} per {amount_head}",
    "{payer} compra {il_stake} di {payee}",
    "{payer} investe {amount_head} per una quota di {payee}",
};
inline constexpr std::array<std::string_view, 3> kHeadlineRumoured = {
    "{payer} pronta a rilevare {il_stake} di {payee}",
    "{payer} tratta per una quota {del_stake} in {payee}",
    "{payer} guarda al capitale di {payee}",
};
inline constexpr std::array<std::string_view, 3> kLead = {
    "{payer} ha rilevato {il_stake} di {payee} per {amount}, diventandone uno dei principali azionisti.",
    "{payer} ha acquistato una partecipazione {del_stake} in {payee} per {amount}.",
    "{payer} ha annunciato l'ingresso nel capitale di {payee} con una quota {del_stake}, pagata {amount}.",
};
inline constexpr std::array<std::string_view, 3> kLeadRumoured = {
    "{payer} starebbe trattando l'acquisto {del_stake} di {payee} per {amount}.",
    "{payer} potrebbe rilevare una quota {del_stake} di {payee} per {amount}.",
    "Secondo {media}, {payer} sarebbe pronta a spendere {amount} per {il_stake} di {payee}.",
};
inline constexpr std::array<std::string_view, 3> kRestate = {
    "La quota {del_stake} di {payee} è costata a {payer} {amount_bare}.",
    "Per {il_stake} di {payee}, {payer} ha pagato {amount_bare}.",
    "L'esborso di {amount_bare} fa di {payer} uno dei soci di riferimento di {payee}.",
};
inline constexpr std::array<std::string_view, 2> kRestateRumoured = {
    "La quota costerebbe a {payer} {amount_bare}.",
    "Per {il_stake} di {payee}, {payer} verserebbe {amount_bare}.",
};
}  // namespace stake

// Indexed by DealKind.
inline const std::array<KindTemplates, 5> kKinds = {{
    {investment::kHeadline, investment::kHeadlineRumoured, investment::kLead,
     investment::kLeadRumoured, investment::kRestate, investment::kRestateRumoured},
    {acquisition::kHeadline, acquisition::kHeadlineRumoured, acquisition::kLead,
     acquisition::kLeadRumoured, acquisition::kRestate, acquisition::kRestateRumoured},
    {contract::kHeadline, contract::kHeadlineRumoured, contract::kLead, contract::kLeadRumoured,
     contract::kRestate, contract::kRestateRumoured},
    {funding::kHeadline, funding::kHeadlineRumoured, funding::kLead, funding::kLeadRumoured,
     funding::kRestate, funding::kRestateRumoured},
    {stake::kHeadline, stake::kHeadlineRumoured, stake::kLead, stake::kLeadRumoured,
     stake::kRestate, stake::kRestateRumoured},
}};

// The deal attributed to another outlet.
inline constexpr std::array<std::string_view, 4> kAttributed = {
    "Secondo {media}, l'operazione tra {payer} e {payee} vale {amount_bare}.",
    "Stando a quanto riferito da {media}, {payer} avrebbe messo sul piatto {amount_bare}.",
    "Fonti vicine a {payer}, citate da {media}, confermano una cifra di {amount_bare}.",
    "Anche {media} conferma che tra {payer} e {payee} c'è un'intesa.",
};

// Later articles credit the outlet that broke the news ({scoop}).
inline constexpr std::array<std::string_view, 3> kScoop = {
    "Come anticipato da {scoop}, sul tavolo ci sono {amount_bare}.",
    "{scoop} era stato il primo a dare notizia dei contatti tra {payer} e {payee}.",
    "La notizia, riportata per la prima volta da {scoop}, ha acceso l'interesse degli investitori su {payee}.",
};

// A party denies the rumour.
inline constexpr std::array<std::string_view, 4> kDenied = {
    "{payee} ha smentito le indiscrezioni su un'operazione da {amount}.",
    "Un portavoce di {payer} ha definito «prive di fondamento» le voci su un'operazione da {amount_bare}.",
    "{speaker_payer} ha negato che sia in corso una trattativa con {payee}.",
    "Da {payer} nessuna conferma: la società ha smentito di voler spendere {amount_bare} per {payee}.",
};

// Another source's different figure: the cross-check's real work.
inline constexpr std::array<std::string_view, 4> kOtherSource = {
    "Altre fonti, tuttavia, parlano di una cifra più vicina a {alt}.",
    "Secondo {media}, invece, l'importo si fermerebbe a {alt}.",
    "Una ricostruzione diversa, pubblicata da {media}, indica un valore di {alt}.",
    "Non tutti concordano sulla cifra: {media} scrive di {alt}.",
};

// The payee's valuation after a round or a stake, as fact or as report.
inline constexpr std::array<std::string_view, 3> kValuation = {
    "Con questa operazione {payee} viene valutata {valuation}.",
    "Dopo l'operazione la valutazione di {payee} tocca {valuation}.",
    "Il prezzo implica per {payee} una valutazione complessiva di {valuation}.",
};
inline constexpr std::array<std::string_view, 2> kValuationRumoured = {
    "L'operazione valuterebbe {payee} {valuation}.",
    "La valutazione di {payee} salirebbe così a {valuation}.",
};

// When the deal closes.
inline constexpr std::array<std::string_view, 3> kClosing = {
    "Il closing dell'operazione è atteso{closing}.",
    "Le due società contano di completare l'operazione{closing}, una volta ottenuto il via libera delle autorità.",
    "Il perfezionamento dell'accordo è previsto{closing}, salvo imprevisti.",
};

// Before an announcement the parties say little.
inline constexpr std::array<std::string_view, 4> kQuotesRumoured = {
    "«Non commentiamo indiscrezioni di mercato», ha fatto sapere {speaker_payer}.",
    "«Valutiamo costantemente opportunità di crescita», si è limitato a dire {speaker_payee}.",
    "Interpellato sulla vicenda, {speaker_payer} ha preferito non rispondere.",
    "«Quando ci sarà qualcosa da annunciare lo faremo», ha detto {speaker_payee} a margine di un convegno a {place}.",
};

inline constexpr std::array<std::string_view, 6> kQuotes = {
    "«Si tratta di un passo decisivo per la nostra strategia», ha dichiarato {speaker_payer}.",
    "«Con {payer} condividiamo la stessa visione sul futuro del settore», ha commentato {speaker_payee}.",
    "«Non ci fermeremo qui», ha aggiunto {speaker_payer}, senza però fornire ulteriori dettagli.",
    "«È un riconoscimento del lavoro fatto in questi anni», ha spiegato {speaker_payee} in una lettera ai dipendenti.",
    "«Il mercato cambia rapidamente e dobbiamo muoverci per tempo», ha detto {speaker_payer} durante una conference call con gli analisti.",
    "{speaker_payee} ha parlato di «una giornata storica» per l'azienda.",
};

// No figures at all: market colour, procedure, context.
inline constexpr std::array<std::string_view, 24> kNoise = {
    "Il titolo di {payee} ha reagito con decisione alla notizia, con scambi superiori alla media.",
    "Gli analisti giudicano l'operazione coerente con la strategia di {payer}.",
    "Restano da chiarire i tempi dell'integrazione tra le due strutture.",
    "Nessuna delle due società ha voluto commentare ulteriormente.",
    "L'operazione dovrà ottenere il via libera delle autorità garanti della concorrenza.",
    "Il consiglio di amministrazione di {payer} si riunirà nei prossimi giorni per esaminare il dossier.",
    "Per {payee} si apre una fase nuova, dopo anni di crescita costante.",
    "Il settore attraversa una fase di forte consolidamento.",
    "Gli advisor finanziari coinvolti non sono stati resi noti.",
    "I sindacati hanno chiesto un incontro per conoscere le ricadute sull'occupazione.",
    "La notizia è arrivata a mercati chiusi.",
    "Diversi fondi avevano manifestato interesse per il dossier nei mesi scorsi.",
    "Il management ha illustrato il piano agli investitori durante un incontro a {place}.",
    "L'intelligenza artificiale generativa continua a ridisegnare gli equilibri del comparto tecnologico.",
    "La domanda di chip e di data center resta superiore all'offerta.",
    "Gli osservatori si aspettano altre operazioni di questo tipo nei prossimi mesi.",
    "Il dossier è seguito da vicino anche dal governo, che potrebbe esercitare i propri poteri speciali.",
    "Secondo diversi gestori, la mossa era attesa da tempo.",
    "La giornata in Borsa è stata comunque segnata dalla volatilità.",
    "Non è la prima volta che le due aziende si siedono allo stesso tavolo.",
    "Il piano prevede anche nuove assunzioni, soprattutto nel settore della ricerca.",
    "Resta aperto il capitolo della governance, su cui le parti non si sono ancora espresse.",
    "Le agenzie di rating non hanno modificato le proprie valutazioni.",
    "A pesare sulle scelte del gruppo è anche il rallentamento dell'economia europea.",
};

// The two parties, without money.
inline constexpr std::array<std::string_view, 6> kContext = {
    "{payee} conta oltre {count} dipendenti distribuiti in {pct2} paesi.",
    "Fondata a {place}, {payee} è cresciuta rapidamente negli ultimi anni.",
    "{payer} è da tempo uno degli investitori più attivi del settore.",
    "Il nuovo impianto di {payee} avrà una capacità di {pct2} gigawatt e sarà operativo{time}.",
    "{payer} e {payee} collaborano già su diversi progetti di ricerca.",
    "{person}, che conosce bene entrambe le aziende, ha definito l'intesa «naturale».",
};

// Other companies, sometimes with a figure of their own.
inline constexpr std::array<std::string_view, 10> kBackground = {
    "Nello stesso segmento si muovono anche {other} e {other2}.",
    "Nei mesi scorsi {other} aveva annunciato un'intesa simile con {other2}.",
    "Tra i concorrenti, {other} ha fatturato {figure} nell'ultimo esercizio.",
    "Pochi giorni fa {other} aveva raccolto {figure} da un gruppo di investitori guidato da {other2}.",
    "{other} resta il principale rivale di {payee} sul mercato europeo.",
    "L'anno scorso {other} aveva speso {figure} per rafforzarsi nello stesso mercato.",
    "{other}, {other2} e {other3} hanno già avviato progetti analoghi.",
    "{other} ha invece ridotto gli investimenti del {pct} rispetto all'anno precedente.",
    "Secondo {media}, anche {other} starebbe valutando di investire {figure} nel comparto.",
    "Il confronto con {other}, che impiega circa {count} persone, resta inevitabile.",
};

// Single-word qualifiers that stand alone before an amount (the lexicon's
// multi-word qualifier phrases are added to these).
inline constexpr std::array<std::string_view, 5> kQualifierWords = {"oltre", "circa", "almeno", "quasi", "sopra"};

// Qualifiers a deal's amount is told with, used only when the lexicon knows
// them: these read naturally after "per", "da", "vale", "pari a" ("fino a"
// takes the place of the preposition: "un round fino a 2 miliardi").
inline constexpr std::array<std::string_view, 7> kDealQualifiers = {
    "oltre", "circa", "almeno", "quasi", "fino a", "poco meno di", "ben oltre",
};

// Cities a meeting or a foundation happens in, used when the lexicon knows
// them as places (its PLACE entries also hold countries and institutions).
inline constexpr std::array<std::string_view, 10> kCities = {
    "Milano", "Roma", "Londra", "Parigi", "New York", "Tokyo", "San Francisco", "Seattle", "Santa Clara", "Washington",
};

// Currencies besides dollars and euros a deal may be in (current ones only).
inline constexpr std::array<std::string_view, 4> kOtherCurrencies = {"GBP", "CHF", "JPY", "CNY"};

inline constexpr std::array<std::string_view, 6> kHeadings = {
    "Indice degli argomenti", "Le reazioni del mercato", "Il nodo delle infrastrutture",
    "Cosa prevede l'accordo", "I numeri dell'operazione", "Lo scenario",
};

}  // namespace dealscan::gen
