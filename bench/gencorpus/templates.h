// Sentence templates for generated articles. Generator data, not recognition
// vocabulary: the extractors never read this. Slots in braces are filled by
// ArticleWriter: {org} {org2} {person} {media} {amount} {amount2} {pct}
// {time} {period} {count} {place}.
#pragma once

#include <array>
#include <string_view>

namespace dealscan::gen {

// Plain statements of a figure.
inline constexpr std::array<std::string_view, 10> kStated = {
    "{org} ha annunciato un investimento di {amount} in {org2}{time}.",
    "L'accordo tra {org} e {org2} vale {amount}, hanno confermato le due società in una nota.",
    "{org} ha chiuso il trimestre con ricavi per {amount}, in crescita del {pct} su base annua.",
    "{org} ha raccolto {amount} in un nuovo round guidato da {org2}.",
    "{org} spenderà {amount} {period} per nuovi data center in {place}.",
    "Il contratto firmato con {org2} prevede pagamenti per {amount}{time}.",
    "{org} ha registrato una perdita netta di {amount}{time}.",
    "Dopo l'aumento di capitale la valutazione di {org} ha toccato {amount}.",
    "{org} rileverà il {pct} di {org2} per {amount}, con il closing atteso{time}.",
    "Il piano industriale di {org} mette sul tavolo {amount} e {amount2} di investimenti aggiuntivi.",
};

// Conditional mood: reported but not confirmed.
inline constexpr std::array<std::string_view, 5> kConditional = {
    "{org} starebbe discutendo con {org2} un'intesa da {amount}.",
    "{org} potrebbe investire {amount} in {org2}{time}.",
    "L'operazione porterebbe la valutazione di {org2} oltre {amount}.",
    "{org} avrebbe messo sul piatto {amount} per assicurarsi il controllo di {org2}.",
    "Se l'accordo andasse in porto, {org} verserebbe a {org2} {amount} {period}.",
};

// Attributed to a medium or a source.
inline constexpr std::array<std::string_view, 5> kAttributed = {
    "Secondo {media}, {org} è pronta a versare {amount} a {org2}.",
    "Come riporta {media}, l'operazione vale complessivamente {amount}.",
    "{org} investirà {amount} in {org2}, scrive {media} citando fonti vicine al dossier.",
    "Stando a quanto riferito da {media}, {person} punta a raccogliere {amount}{time}.",
    "Fonti citate da {media} parlano di un assegno da {amount}.",
};

// Denials.
inline constexpr std::array<std::string_view, 3> kDenied = {
    "{org} ha smentito di voler investire {amount} in {org2}.",
    "Un portavoce di {org} ha negato che sia mai stata offerta una cifra di {amount}.",
    "{person} ha escluso un'offerta da {amount} per {org2}.",
};

// No money at all: context, quotes, headings, other quantities.
inline constexpr std::array<std::string_view, 12> kNoise = {
    "Il comparto dell'intelligenza artificiale resta al centro dell'attenzione dei mercati.",
    "{person}, alla guida di {org}, ha commentato la notizia durante un evento a {place}.",
    "I titoli hanno chiuso la seduta in lieve rialzo mentre gli analisti attendono nuovi dettagli.",
    "La società non ha voluto rilasciare commenti.",
    "{org} e {org2} collaborano da anni sul fronte del cloud e dei semiconduttori.",
    "Per molti osservatori la domanda di potenza di calcolo continuerà a salire{time}.",
    "{org} conta oltre {count} dipendenti distribuiti in {pct2} paesi.",
    "Il nuovo impianto avrà una capacità di {pct2} gigawatt e sarà operativo{time}.",
    "«È un passaggio importante per tutto il settore», ha dichiarato {person}.",
    "Le autorità antitrust di Bruxelles seguono con attenzione il dossier.",
    "Il mercato delle GPU è sempre più concentrato nelle mani di pochi fornitori.",
    "L'azienda ha ribadito l'intenzione di quotarsi in Borsa{time}.",
};

// Single-word qualifiers that stand alone before an amount (the lexicon's
// multi-word qualifier phrases are added to these).
inline constexpr std::array<std::string_view, 5> kQualifierWords = {"oltre", "circa", "almeno", "quasi", "sopra"};

inline constexpr std::array<std::string_view, 4> kHeadings = {
    "Indice degli argomenti", "Le reazioni del mercato", "Il nodo delle infrastrutture", "Cosa prevede l'accordo",
};

}  // namespace dealscan::gen
