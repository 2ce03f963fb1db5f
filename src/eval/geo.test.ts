// GeoWebNews scorer pieces: XML parsing (offsets into the unescaped text), gold mentions, resolution scoring.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { goldMentions, parseGwn, scoreResolution } from "./geo.js";

const SAMPLE = `<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>Sample</title>
    <link>http://example.org/a</link>
    <text>Talks in Nairobi &amp; Mombasa ended. Kenyan officials said Nairobi would host the next round.</text>
    <toponyms>
      <toponym><extractedName>Nairobi</extractedName><normalisedName>Nairobi</normalisedName><type>Literal</type><modifierType/><nonLocational>No</nonLocational><start>9</start><end>16</end><geonamesID>184745</geonamesID><latitude>-1.28333</latitude><longitude>36.81667</longitude></toponym>
      <toponym><extractedName>Mombasa</extractedName><normalisedName>Mombasa</normalisedName><type>Literal</type><modifierType/><nonLocational>No</nonLocational><start>19</start><end>26</end><geonamesID>186301</geonamesID><latitude>-4.05466</latitude><longitude>39.66359</longitude></toponym>
      <toponym><extractedName>Kenyan</extractedName><normalisedName>Kenya</normalisedName><type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType><nonLocational>No</nonLocational><start>34</start><end>40</end><geonamesID>192950</geonamesID><latitude>1.0</latitude><longitude>38.0</longitude></toponym>
      <toponym><extractedName>officials</extractedName><type>Non_Lit_Expression</type><modifierType/><nonLocational>Yes</nonLocational><start>41</start><end>50</end></toponym>
      <toponym><extractedName>Nairobi</extractedName><normalisedName>Nairobi</normalisedName><type>Metonymic</type><modifierType/><nonLocational>No</nonLocational><start>56</start><end>63</end><geonamesID>184745</geonamesID><latitude>-1.28333</latitude><longitude>36.81667</longitude></toponym>
    </toponyms>
  </article>
</articles>`;

describe("geowebnews scorer", () => {
  it("parses articles with offsets into the unescaped text", () => {
    const [a] = parseGwn(SAMPLE);
    assert.equal(a!.id, "7");
    assert.equal(a!.toponyms.length, 5);
    for (const t of a!.toponyms) assert.equal(a!.text.slice(t.start, t.end), t.text);
    assert.equal(a!.toponyms[0]!.geonameId, 184745);
    assert.equal(a!.toponyms[3]!.geonameId, undefined);
  });

  it("joins repeated surface forms into one mention and skips non-places", () => {
    const [a] = parseGwn(SAMPLE);
    const { mentions } = goldMentions(a!);
    assert.deepEqual(mentions.map((m) => [m.names[0], m.spans.length]), [["Nairobi", 2], ["Mombasa", 1], ["Kenyan", 1]]);
  });

  it("scores exact ids, countries and distance", () => {
    const lines: string[] = [];
    const res = scoreResolution(parseGwn(SAMPLE), true, lines);
    assert.equal(res.n, 4);
    // the cities resolve to their GeoNames ids; the adjective resolves to Kenya
    assert.ok(res.exact >= 3, `exact ${res.exact}: ${lines.join("\n")}`);
    assert.equal(res.within161, 4, lines.join("\n"));
    assert.equal(res.country, res.countryKnown);
    assert.equal(res.none, 0);
  });
});
