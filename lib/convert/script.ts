import type { ScriptKind } from '../types';

/**
 * Which script a text is in, from frequent characters whose Simplified and
 * Traditional forms differ. Small on purpose: this runs in the content script,
 * where the full conversion dictionaries must not be loaded.
 */
const SIMPLIFIED = '这们个为说时国会来对发经过还进样关开问题产业实现长头点员东书车马门见页风鱼鸟龙党办区县乡镇农业务动义务与专两严丧丰临为举么么义乌乐乔习书买乱争亏云亚产亩亲亿仅从仓仪们价众优会伟传伤伦伪体余佣侠侣侦侧侨俭债倾偿储儿兑党兰关兴养兽内册写军农冲决况冻净准凉减凑凤凭击创则刚创删别剧劝办务动劳势区医华协单卖卢卫却厂历压厅厉县参双发变叙叶号叹吓吗启员响哟唤啬团园围图圆圣场坏块坚坛坝坟垄垒垦执报墙声壳处备复夸夺奋奖妇妈姗娄娱婴孙学宁宝实宠审宪宫宽宾对寻导寿将尔尘尝层属岁岂岗岚岛峡币师帐帘带帮库应庙废开异弃张弹强归当录彻径忆忧怀态怜总恋恒恳恶恼悬惊惧惨惩愿戏战户扑执扩扫扬扰抚抛抢护报担拟拥择挂挡挤挥损换据捡掷搀摄摆摇摊撑撵擞敌数斋斗断无旧时旷昼显晋晒晓晕暂术机杀杂权条来杨极构枪柜树标栏样桥档梦检楼横欢欧歼残毁毕毙气汇汉汤沟没沦泪泼洁洒浅浇测济浏浑浓涂涛涝润涨渊渐渔温湾湿溃滚满滤滥滨潜灭灯灵灾灿炉点炼烂烟烦烧热焕爱爷牍牵犹独狭狮猎献环现琐电画畅疗疯痒瘫癣发皱盏盐监盖盘睁瞒矫码砖础硕确碍礼祸离种积称稳穷窃窍竖竞笔笋筑签简粮紧纠红约级纪纬纯纲纳纵纷纸纹纺线练组细织终绍经结绕绘给络绝统继绩绪续维绵综绿缓编缘缩网罗罚罢职联聪肃肠肤肿胀胁胆胜胧脉脑脚脱脸腊腻舆舰艰艺节芦苏苹范荐荡药莱获营萧蓝蔼虏虑虽蚀蛮补衬袄袜装见观规视览觉誉计订认讨让训议讯记讲许论设访证评识诉诊词译试诗诚话诞询该详语误说请诸读课谁调谈谋谓谢谣谨谱贝负贡财责贤败账货质贩贪贫购贯贵贷费贺资赋赏赔赖赚赛赞赠赢赵赶趋跃践踪车轨军转轮软轰轻载较辅辆辈辉输辞辩边辽达迁过迈运还这进远违连迟适选逊递逻遗邓邮邻郑酝酱释里鉴针钟钢钱铁铃铜银铺链销锁锅锋错锡锦键镇镜长门闪闭问闯闲间闷闻阀阁阅阔队阳阴阵阶际陆陈陕险随隐难雏雾静顶项顺须顾顿预领频题颜额风飞饥饭饮饰饱饲饼馆首驱驶驻驾验骑骗骚骤鱼鲁鲜鸟鸡鸣鸭鸿鹅黄齐齿龄龙龟';
const TRADITIONAL = '這們個為說時國會來對發經過還進樣關開問題產業實現長頭點員東書車馬門見頁風魚鳥龍黨辦區縣鄉鎮農業務動義務與專兩嚴喪豐臨為舉麼麼義烏樂喬習書買亂爭虧雲亞產畝親億僅從倉儀們價眾優會偉傳傷倫偽體餘傭俠侶偵側僑儉債傾償儲兒兌黨蘭關興養獸內冊寫軍農衝決況凍淨準涼減湊鳳憑擊創則剛創刪別劇勸辦務動勞勢區醫華協單賣盧衛卻廠歷壓廳厲縣參雙發變敘葉號嘆嚇嗎啟員響喲喚嗇團園圍圖圓聖場壞塊堅壇壩墳壟壘墾執報牆聲殼處備復誇奪奮獎婦媽姍婁娛嬰孫學寧寶實寵審憲宮寬賓對尋導壽將爾塵嘗層屬歲豈崗嵐島峽幣師帳簾帶幫庫應廟廢開異棄張彈強歸當錄徹徑憶憂懷態憐總戀恆懇惡惱懸驚懼慘懲願戲戰戶撲執擴掃揚擾撫拋搶護報擔擬擁擇掛擋擠揮損換據撿擲攙攝擺搖攤撐攆擻敵數齋鬥斷無舊時曠晝顯晉曬曉暈暫術機殺雜權條來楊極構槍櫃樹標欄樣橋檔夢檢樓橫歡歐殲殘毀畢斃氣匯漢湯溝沒淪淚潑潔灑淺澆測濟瀏渾濃塗濤澇潤漲淵漸漁溫灣濕潰滾滿濾濫濱潛滅燈靈災燦爐點煉爛煙煩燒熱煥愛爺牘牽猶獨狹獅獵獻環現瑣電畫暢療瘋癢癱癬發皺盞鹽監蓋盤睜瞞矯碼磚礎碩確礙禮禍離種積稱穩窮竊竅豎競筆筍築簽簡糧緊糾紅約級紀緯純綱納縱紛紙紋紡線練組細織終紹經結繞繪給絡絕統繼績緒續維綿綜綠緩編緣縮網羅罰罷職聯聰肅腸膚腫脹脅膽勝朧脈腦腳脫臉臘膩輿艦艱藝節蘆蘇蘋範薦蕩藥萊獲營蕭藍藹虜慮雖蝕蠻補襯襖襪裝見觀規視覽覺譽計訂認討讓訓議訊記講許論設訪證評識訴診詞譯試詩誠話誕詢該詳語誤說請諸讀課誰調談謀謂謝謠謹譜貝負貢財責賢敗賬貨質販貪貧購貫貴貸費賀資賦賞賠賴賺賽贊贈贏趙趕趨躍踐蹤車軌軍轉輪軟轟輕載較輔輛輩輝輸辭辯邊遼達遷過邁運還這進遠違連遲適選遜遞邏遺鄧郵鄰鄭醞醬釋裡鑒針鐘鋼錢鐵鈴銅銀鋪鏈銷鎖鍋鋒錯錫錦鍵鎮鏡長門閃閉問闖閒間悶聞閥閣閱闊隊陽陰陣階際陸陳陝險隨隱難雛霧靜頂項順須顧頓預領頻題顏額風飛飢飯飲飾飽飼餅館首驅駛駐駕驗騎騙騷驟魚魯鮮鳥雞鳴鴨鴻鵝黃齊齒齡龍龜';

const SIMP = new Set([...SIMPLIFIED]);
const TRAD = new Set([...TRADITIONAL]);
for (const c of SIMP) if (TRAD.has(c)) { SIMP.delete(c); TRAD.delete(c); }

export interface ScriptCounts {
  simplified: number;
  traditional: number;
}

export function countScript(text: string): ScriptCounts {
  let simplified = 0;
  let traditional = 0;
  for (const c of text) {
    if (SIMP.has(c)) simplified++;
    else if (TRAD.has(c)) traditional++;
  }
  return { simplified, traditional };
}

/** simplified / traditional, or mixed when the minority script is over a fifth of the telling characters. */
export function detectScript(text: string): ScriptKind {
  const { simplified, traditional } = countScript(text);
  const total = simplified + traditional;
  if (total < 3) return 'unknown';
  const minority = Math.min(simplified, traditional) / total;
  if (minority > 0.2) return 'mixed';
  return simplified > traditional ? 'simplified' : 'traditional';
}
