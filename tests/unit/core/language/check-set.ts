// Short news-like sentences written for these tests (not taken from any corpus), one or two per
// language, with the language they are written in. Shared by the unit tests and
// tests/scripts/language-agreement.ts.

/** A sentence and the language (ISO 639-1) it is written in. */
export interface CheckText {
  readonly lang: string;
  readonly text: string;
}

export const CHECK_SET: readonly CheckText[] = [
  {
    lang: 'en',
    text: 'The city council voted on Monday to close the old bridge for repairs that are expected to last until the end of next summer.',
  },
  {
    lang: 'fr',
    text: 'Le conseil municipal a voté lundi la fermeture du vieux pont pour des travaux qui devraient durer jusqu’à la fin de l’été prochain.',
  },
  {
    lang: 'de',
    text: 'Der Stadtrat hat am Montag beschlossen, die alte Brücke für Reparaturen zu schließen, die bis zum Ende des nächsten Sommers dauern sollen.',
  },
  {
    lang: 'es',
    text: 'El ayuntamiento votó el lunes cerrar el viejo puente para unas obras que se espera duren hasta el final del próximo verano.',
  },
  {
    lang: 'it',
    text: 'Il consiglio comunale ha votato lunedì la chiusura del vecchio ponte per lavori che dovrebbero durare fino alla fine della prossima estate.',
  },
  {
    lang: 'pt',
    text: 'A câmara municipal votou na segunda-feira o encerramento da velha ponte para obras que deverão durar até ao fim do próximo verão.',
  },
  {
    lang: 'nl',
    text: 'De gemeenteraad heeft maandag besloten de oude brug te sluiten voor herstelwerkzaamheden die naar verwachting tot het einde van de volgende zomer duren.',
  },
  {
    lang: 'pl',
    text: 'Rada miejska zdecydowała w poniedziałek o zamknięciu starego mostu na czas remontu, który ma potrwać do końca przyszłego lata.',
  },
  {
    lang: 'tr',
    text: 'Belediye meclisi pazartesi günü eski köprünün gelecek yazın sonuna kadar sürmesi beklenen onarımlar için kapatılmasına karar verdi.',
  },
  {
    lang: 'vi',
    text: 'Hội đồng thành phố hôm thứ Hai đã bỏ phiếu đóng cửa cây cầu cũ để sửa chữa, công việc dự kiến kéo dài đến cuối mùa hè năm sau.',
  },
  {
    lang: 'id',
    text: 'Dewan kota pada hari Senin memutuskan untuk menutup jembatan lama untuk perbaikan yang diperkirakan berlangsung hingga akhir musim panas mendatang.',
  },
  {
    lang: 'sv',
    text: 'Kommunfullmäktige beslutade på måndagen att stänga den gamla bron för reparationer som väntas pågå till slutet av nästa sommar.',
  },
  {
    lang: 'ru',
    text: 'Городской совет в понедельник проголосовал за закрытие старого моста на ремонт, который продлится до конца следующего лета.',
  },
  {
    lang: 'uk',
    text: 'Міська рада в понеділок проголосувала за закриття старого мосту на ремонт, який триватиме до кінця наступного літа.',
  },
  {
    lang: 'bg',
    text: 'Общинският съвет гласува в понеделник затварянето на стария мост за ремонт, който се очаква да продължи до края на следващото лято.',
  },
  {
    lang: 'el',
    text: 'Το δημοτικό συμβούλιο αποφάσισε τη Δευτέρα να κλείσει την παλιά γέφυρα για επισκευές που αναμένεται να διαρκέσουν έως το τέλος του επόμενου καλοκαιριού.',
  },
  {
    lang: 'ar',
    text: 'صوت مجلس المدينة يوم الاثنين على إغلاق الجسر القديم لإجراء إصلاحات من المتوقع أن تستمر حتى نهاية الصيف المقبل.',
  },
  {
    lang: 'fa',
    text: 'شورای شهر روز دوشنبه به بسته شدن پل قدیمی برای تعمیراتی رأی داد که انتظار می‌رود تا پایان تابستان آینده ادامه داشته باشد.',
  },
  {
    lang: 'ur',
    text: 'شہر کی کونسل نے پیر کے روز پرانے پل کو مرمت کے لیے بند کرنے کے حق میں ووٹ دیا، یہ کام اگلے موسم گرما کے آخر تک جاری رہنے کی توقع ہے۔',
  },
  {
    lang: 'hi',
    text: 'नगर परिषद ने सोमवार को पुराने पुल को मरम्मत के लिए बंद करने के पक्ष में मतदान किया, यह काम अगली गर्मियों के अंत तक चलने की उम्मीद है।',
  },
  {
    lang: 'mr',
    text: 'नगर परिषदेने सोमवारी जुना पूल दुरुस्तीसाठी बंद करण्याचा निर्णय घेतला, हे काम पुढील उन्हाळ्याच्या शेवटपर्यंत चालेल अशी अपेक्षा आहे.',
  },
  {
    lang: 'bn',
    text: 'নগর পরিষদ সোমবার পুরনো সেতুটি মেরামতের জন্য বন্ধ করার পক্ষে ভোট দিয়েছে, কাজটি আগামী গ্রীষ্মের শেষ পর্যন্ত চলবে বলে আশা করা হচ্ছে।',
  },
  {
    lang: 'zh',
    text: '市议会星期一投票决定关闭这座旧桥进行维修，预计维修工程将持续到明年夏天结束。',
  },
  {
    lang: 'ja',
    text: '市議会は月曜日、古い橋を修理のために閉鎖することを決めました。工事は来年の夏の終わりまで続く見込みです。',
  },
  {
    lang: 'ko',
    text: '시의회는 월요일 오래된 다리를 보수하기 위해 폐쇄하기로 의결했으며, 공사는 내년 여름 말까지 계속될 것으로 예상된다.',
  },
  {
    lang: 'th',
    text: 'สภาเมืองลงมติเมื่อวันจันทร์ให้ปิดสะพานเก่าเพื่อซ่อมแซม ซึ่งคาดว่าจะใช้เวลาจนถึงปลายฤดูร้อนปีหน้า',
  },
  {
    lang: 'he',
    text: 'מועצת העיר הצביעה ביום שני על סגירת הגשר הישן לצורך תיקונים שצפויים להימשך עד סוף הקיץ הבא.',
  },
  {
    lang: 'he',
    text: 'לפי דיווח של CNN, מועצת העיר הצביעה ביום שני על סגירת הגשר הישן לצורך תיקונים.',
  },
  {
    lang: 'hy',
    text: 'Քաղաքային խորհուրդը երկուշաբթի օրը քվեարկեց հին կամուրջը վերանորոգման համար փակելու օգտին։',
  },
  {
    lang: 'ka',
    text: 'საქალაქო საბჭომ ორშაბათს ხმა მისცა ძველი ხიდის დახურვას სარემონტო სამუშაოებისთვის.',
  },
  {
    lang: 'da',
    text: 'Byrådet stemte mandag for at lukke den gamle bro for reparationer, som forventes at vare til slutningen af næste sommer.',
  },
  {
    lang: 'nb',
    text: 'Bystyret stemte mandag for å stenge den gamle brua for reparasjoner som ventes å vare til slutten av neste sommer.',
  },
  {
    lang: 'fi',
    text: 'Kaupunginvaltuusto päätti maanantaina sulkea vanhan sillan korjaustöiden ajaksi, joiden odotetaan kestävän ensi kesän loppuun asti.',
  },
  {
    lang: 'sk',
    text: 'Mestské zastupiteľstvo v pondelok odhlasovalo uzavretie starého mosta pre opravy, ktoré by mali trvať až do konca budúceho leta.',
  },
  {
    lang: 'ca',
    text: "L'Ajuntament va votar dilluns tancar el pont vell per unes obres que s'espera que durin fins al final de l'estiu vinent.",
  },
  {
    lang: 'lt',
    text: 'Miesto taryba pirmadienį nubalsavo uždaryti senąjį tiltą remontui, kuris turėtų trukti iki kitos vasaros pabaigos.',
  },
  {
    lang: 'lv',
    text: 'Pilsētas dome pirmdien nobalsoja slēgt veco tiltu remontdarbiem, kuriem vajadzētu ilgt līdz nākamās vasaras beigām.',
  },
  {
    lang: 'et',
    text: 'Linnavolikogu hääletas esmaspäeval vana silla sulgemise poolt remonditöödeks, mis peaksid kestma järgmise suve lõpuni.',
  },
  {
    lang: 'sl',
    text: 'Mestni svet je v ponedeljek izglasoval zaprtje starega mostu zaradi popravil, ki naj bi trajala do konca prihodnjega poletja.',
  },
  {
    lang: 'sq',
    text: 'Këshilli bashkiak votoi të hënën për mbylljen e urës së vjetër për riparime që pritet të zgjasin deri në fund të verës së ardhshme.',
  },
  {
    lang: 'af',
    text: 'Die stadsraad het Maandag gestem om die ou brug vir herstelwerk te sluit, wat na verwagting tot die einde van volgende somer sal duur.',
  },
  {
    lang: 'mk',
    text: 'Градскиот совет во понеделник гласаше да се затвори стариот мост поради поправки што се очекува да траат до крајот на следното лето.',
  },
];
