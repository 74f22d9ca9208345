<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Flag</name>
    <message>
        <source>census count</source>
        <translation>普查数</translation>
    </message>
    <message>
        <source>year-end estimate</source>
        <translation>年末数</translation>
    </message>
    <message>
        <source>sum of its units</source>
        <translation>下级单位合计</translation>
    </message>
    <message>
        <source>incomplete sum</source>
        <translation>合计不完整</translation>
    </message>
    <message>
        <source>series break</source>
        <translation>口径变化</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>About Renkou</source>
        <translation>关于“人口”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Renkou 人口&lt;/b&gt; %1&lt;br&gt;Explore China&apos;s population map.&lt;br&gt;&lt;br&gt;Data: %2 (release: %3)&lt;br&gt;Libraries: %4&lt;br&gt;The source, vintage and licence of every table and boundary: Help → Data sources.</source>
        <translation>&lt;b&gt;人口 Renkou&lt;/b&gt; %1&lt;br&gt;探索中国人口地图。&lt;br&gt;&lt;br&gt;数据：%2（版本：%3）&lt;br&gt;所用程序库：%4&lt;br&gt;每个数据表和边界的来源、版本和许可：帮助 → 数据来源。</translation>
    </message>
    <message>
        <source>Titles, places and licences as the data bundle&apos;s sources.csv gives them.</source>
        <translation>标题、出处和许可照录数据包 sources.csv 的原文。</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source> (wide layout; %1 empty cells left as no data)</source>
        <translation>（宽表格式；%1个空单元格按无数据处理）</translation>
    </message>
    <message>
        <source>Read: %1.</source>
        <translation>读取：%1。</translation>
    </message>
    <message>
        <source>Keys matched to units: %1.</source>
        <translation>键值匹配到的单位：%1。</translation>
    </message>
    <message>
        <source>Keys that are not the unit&apos;s code</source>
        <translation>不是单位代码的键值</translation>
    </message>
    <message>
        <source>Parts summed: %1</source>
        <translation>已加总的部分：%1</translation>
    </message>
    <message>
        <source>Keys of no unit, rows left out</source>
        <translation>无对应单位的键值（已略去这些行）</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>已略去：%1</translation>
    </message>
    <message>
        <source>Keys you left out, rows not added</source>
        <translation>您略去的键值（未添加这些行）</translation>
    </message>
    <message>
        <source>Codes of no unit in regions.csv (%1), rows left out: %2</source>
        <translation>regions.csv中无对应单位的代码（%1个），已略去这些行：%2</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation>等，另有%1个</translation>
    </message>
    <message>
        <source>In the table, not on the map</source>
        <translation>在表格中但不在地图上</translation>
    </message>
    <message>
        <source>On the map, not in the table (no data)</source>
        <translation>在地图上但不在表格中（无数据）</translation>
    </message>
    <message>
        <source>Duplicate codes on the map (the first feature is used)</source>
        <translation>地图上重复的代码（使用第一个要素）</translation>
    </message>
    <message>
        <source>Features of one unit joined into one</source>
        <translation>同一单位的多个要素已合并</translation>
    </message>
    <message>
        <source>Features that are no unit, left out</source>
        <translation>不对应任何单位的要素（已略去）</translation>
    </message>
    <message>
        <source>Densities keep the bundle&apos;s areas; these outlines measure otherwise</source>
        <translation>人口密度仍用数据包的面积；这些边界量得的面积不同</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 values are for a unit, year, indicator and flag the bundle has too: yours are shown, the bundle&apos;s stay in the table view.</source>
        <translation>%1个数值的单位、年份、指标和标记与数据包相同：显示您的数值，数据包的数值仍在表格视图中。</translation>
    </message>
    <message>
        <source>%1 values have the code, year, indicator and flag of rows of your tables loaded before: the earlier values stay shown, both are in the table view.</source>
        <translation>%1个数值的代码、年份、指标和标记与之前载入的表格相同：仍显示先前的数值，两者都在表格视图中。</translation>
    </message>
    <message>
        <source>Added %1 value of %2 (%3) from %4%5.</source>
        <translation>已从%4添加%2的%1个数值（%3）%5。</translation>
    </message>
    <message>
        <source>Added %1 values of %2 (%3) from %4%5.</source>
        <translation>已从%4添加%2的%1个数值（%3）%5。</translation>
    </message>
    <message>
        <source>The map of %1 (its field &apos;%2&apos; names the units): %3 unit with data.</source>
        <translation>%1地图（字段“%2”标识单位）：%3个单位有数据。</translation>
    </message>
    <message>
        <source>The map of %1 (its field &apos;%2&apos; names the units): %3 units with data.</source>
        <translation>%1地图（字段“%2”标识单位）：%3个单位有数据。</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>no %1 for %2</source>
        <translation>%2年无%1</translation>
    </message>
    <message>
        <source>no %1 for %2 (a rate is not summed from smaller units)</source>
        <translation>%2年无%1（比率不能由下级单位加总）</translation>
    </message>
    <message>
        <source>no birth and death rates for prefecture-level units</source>
        <translation>地级单位没有出生率和死亡率</translation>
    </message>
    <message>
        <source>no resident population for %1</source>
        <translation>%1年无常住人口数据</translation>
    </message>
    <message>
        <source>the population in %1 is not positive</source>
        <translation>%1年的人口不是正数</translation>
    </message>
    <message>
        <source>no national total for %1</source>
        <translation>%1年无全国总数</translation>
    </message>
    <message>
        <source>no boundary area for this unit</source>
        <translation>该单位没有边界面积</translation>
    </message>
    <message>
        <source>incomplete: %1 of %2 units have no data (%3)</source>
        <translation>数据不全：%2个单位中有%1个无数据（%3）</translation>
    </message>
    <message>
        <source>the value of its one unit</source>
        <translation>其唯一下级单位的数值</translation>
    </message>
    <message>
        <source>sum of its %1 units</source>
        <translation>%1个下级单位合计</translation>
    </message>
    <message>
        <source>no natural growth rate (nor birth and death rates) for %1</source>
        <translation>%1年无自然增长率（也无出生率和死亡率）</translation>
    </message>
    <message>
        <source>the capital&apos;s share is defined for provinces</source>
        <translation>省会比重只对省份定义</translation>
    </message>
    <message>
        <source>no provincial capital among its prefecture-level units (municipality or no split)</source>
        <translation>其地级单位中没有省会（直辖市或未划分）</translation>
    </message>
    <message>
        <source>no resident population of %1, the capital, for %2</source>
        <translation>%2年无省会%1的常住人口</translation>
    </message>
    <message>
        <source>%1 as a share of the sum of the province&apos;s %2 prefecture-level units</source>
        <translation>%1占全省%2个地级单位合计的比重</translation>
    </message>
    <message>
        <source>%1&apos;s year-end estimate as a share of the province&apos;s own year-end total (the sum of its prefecture-level units is incomplete for %2)</source>
        <translation>%1的年末常住人口占全省年末常住人口的比重（%2年地级单位数据不全，无法加总）</translation>
    </message>
    <message>
        <source>resident population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>resident population every year of the span; natural growth rate (or birth and death rates) every year after the first</source>
        <translation>区间内每年的常住人口；首年之后每年的自然增长率（或出生率和死亡率）</translation>
    </message>
    <message>
        <source>Change in resident population between two years</source>
        <translation>常住人口变化</translation>
    </message>
    <message>
        <source>Relative change in resident population</source>
        <translation>常住人口相对变化</translation>
    </message>
    <message>
        <source>Compound annual growth rate of the resident population</source>
        <translation>常住人口年均复合增长率</translation>
    </message>
    <message>
        <source>Natural increase: births − deaths</source>
        <translation>自然增长：出生−死亡</translation>
    </message>
    <message>
        <source>Net migration: change − natural increase (a residual)</source>
        <translation>净迁移：人口变化−自然增长（推算差额）</translation>
    </message>
    <message>
        <source>Net migration per year in ‰ of the mean population</source>
        <translation>年均净迁移率（‰）</translation>
    </message>
    <message>
        <source>Share of the national total</source>
        <translation>占全国人口比重</translation>
    </message>
    <message>
        <source>resident population; the national total of the same year</source>
        <translation>常住人口；同年全国总数</translation>
    </message>
    <message>
        <source>Resident population per km² of land (area on the equal-area projection)</source>
        <translation>人口密度（每平方千米常住人口，面积按等积投影计算）</translation>
    </message>
    <message>
        <source>resident population; boundaries</source>
        <translation>常住人口；边界</translation>
    </message>
    <message>
        <source>The provincial capital&apos;s share of its province (census: of its prefecture-level units&apos; sum; year-end: of the province&apos;s total where city estimates are incomplete)</source>
        <translation>省会人口占全省比重</translation>
    </message>
    <message>
        <source>resident population of every prefecture-level unit of the province; provincial_capital in regions.csv</source>
        <translation>全省每个地级单位的常住人口；regions.csv 中的 provincial_capital</translation>
    </message>
    <message>
        <source>Urban share of the census population</source>
        <translation>普查人口城镇化率</translation>
    </message>
    <message>
        <source>census urban_population and resident_population</source>
        <translation>普查城镇人口和常住人口</translation>
    </message>
    <message>
        <source>%1 (own table)</source>
        <translation>%1（自有表格）</translation>
    </message>
    <message>
        <source>As published in the data tables</source>
        <translation>数据表原始发布值</translation>
    </message>
    <message>
        <source>Change in percentage points: %1</source>
        <translation>%1变化（百分点）</translation>
    </message>
    <message>
        <source>The start year %1 came after the end year %2: the years are swapped.</source>
        <translation>起始年%1晚于终止年%2：两年已对调。</translation>
    </message>
    <message>
        <source>No %1 have data before %2: a change to %2 has no start.</source>
        <translation>%1在%2年以前没有数据：到%2年的变化没有起始年。</translation>
    </message>
    <message>
        <source>No %1 have data for %2.</source>
        <translation>%1没有%2的数据。</translation>
    </message>
    <message>
        <source>No %1 have data of %2 in any year%3.</source>
        <translation>%1在任何年份都没有%2的数据%3。</translation>
    </message>
    <message>
        <source>Nearest years with data: %1.</source>
        <translation>最近的有数据年份：%1。</translation>
    </message>
    <message>
        <source>Nearest year with data: %1.</source>
        <translation>最近的有数据年份：%1。</translation>
    </message>
    <message>
        <source>census counts of 1 November</source>
        <translation>11月1日普查数</translation>
    </message>
    <message>
        <source>year-end estimates</source>
        <translation>年末数</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1个单位</translation>
    </message>
    <message>
        <source>%1; %2 for %3</source>
        <translation>%1；%3为%2</translation>
    </message>
    <message>
        <source>%1: %2. %3: %4.</source>
        <translation>%1年：%2。%3年：%4。</translation>
    </message>
    <message>
        <source>%1 and %2: %3.</source>
        <translation>%1年和%2年：%3。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1年：%2。</translation>
    </message>
    <message>
        <source>Each is the sum of its provinces (31 mainland provinces; not the published national total).</source>
        <translation>各区域为所辖省份之和（大陆31个省份；不是公布的全国总数）。</translation>
    </message>
    <message>
        <source>Series break in %1: %2 Part of a change across it is a revision, not migration.</source>
        <translation>%1年统计口径调整：%2跨越该年的变化部分源于数据修订，而非人口迁移。</translation>
    </message>
    <message>
        <source>Natural increase is computed from first-published birth and death rates, not revised after the 2020 census; net migration (the change minus natural increase) is a residual of them.</source>
        <translation>自然增长按首发的出生率和死亡率推算，未按第七次人口普查修订；净迁移（人口变化减自然增长）是据此推算的差额。</translation>
    </message>
    <message>
        <source>Net migration is a residual: the change minus natural increase, computed from first-published birth and death rates; it is an approximation, and not migration at all across a series break.</source>
        <translation>净迁移是推算差额：人口变化减去按首发出生率、死亡率推算的自然增长；它只是近似值，跨越统计口径调整时并不代表迁移。</translation>
    </message>
    <message>
        <source>Urban population (census)</source>
        <translation>城镇人口（普查）</translation>
    </message>
    <message>
        <source>Average household size (census)</source>
        <translation>平均家庭户规模（普查）</translation>
    </message>
    <message>
        <source>Sex ratio: males per 100 females (census)</source>
        <translation>性别比：以女性为100（普查）</translation>
    </message>
    <message>
        <source>Share aged 0–14 (census)</source>
        <translation>0—14岁人口占比（普查）</translation>
    </message>
    <message>
        <source>Share aged 15–59 (census)</source>
        <translation>15—59岁人口占比（普查）</translation>
    </message>
    <message>
        <source>Share aged 60 and over (census)</source>
        <translation>60岁及以上人口占比（普查）</translation>
    </message>
    <message>
        <source>Share aged 65 and over (census)</source>
        <translation>65岁及以上人口占比（普查）</translation>
    </message>
    <message>
        <source>Birth rate</source>
        <translation>出生率</translation>
    </message>
    <message>
        <source>Death rate</source>
        <translation>死亡率</translation>
    </message>
    <message>
        <source>Natural growth rate</source>
        <translation>自然增长率</translation>
    </message>
    <message>
        <source>Residents registered in another province (census inflow)</source>
        <translation>外省户籍常住人口（普查所得流入人口）</translation>
    </message>
    <message>
        <source>Registered population (户籍人口)</source>
        <translation>户籍人口</translation>
    </message>
    <message>
        <source>Resident population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Resident population change</source>
        <translation>常住人口变化</translation>
    </message>
    <message>
        <source>Resident population growth</source>
        <translation>常住人口增长率</translation>
    </message>
    <message>
        <source>Average annual growth of the resident population</source>
        <translation>常住人口年均增长率</translation>
    </message>
    <message>
        <source>Natural increase</source>
        <translation>自然增长人数</translation>
    </message>
    <message>
        <source>Net migration (residual)</source>
        <translation>净迁移（推算差额）</translation>
    </message>
    <message>
        <source>Net migration rate</source>
        <translation>净迁移率</translation>
    </message>
    <message>
        <source>Share of China&apos;s resident population</source>
        <translation>占全国常住人口比重</translation>
    </message>
    <message>
        <source>Population density</source>
        <translation>人口密度</translation>
    </message>
    <message>
        <source>The provincial capital&apos;s share of the population</source>
        <translation>省会人口占全省比重</translation>
    </message>
    <message>
        <source>Urban share of the population</source>
        <translation>城镇人口比重</translation>
    </message>
    <message>
        <source>Change of: %1</source>
        <translation>%1的变化</translation>
    </message>
    <message>
        <source>Type of population change (Webb): growth or decline, and which is larger, natural increase or net migration (a residual)</source>
        <translation>人口变化类型（韦布分类）：增长或减少，以及自然增长与净迁移（残差）哪一项更大</translation>
    </message>
    <message>
        <source>Type of population change</source>
        <translation>人口变化类型</translation>
    </message>
    <message>
        <source>A  Growth: natural increase exceeds out-migration</source>
        <translation>A  增长：自然增长大于净迁出</translation>
    </message>
    <message>
        <source>B  Growth: natural increase exceeds in-migration</source>
        <translation>B  增长：自然增长大于净迁入</translation>
    </message>
    <message>
        <source>C  Growth: in-migration exceeds natural increase</source>
        <translation>C  增长：净迁入大于自然增长</translation>
    </message>
    <message>
        <source>D  Growth: in-migration exceeds natural decrease</source>
        <translation>D  增长：净迁入大于自然减少</translation>
    </message>
    <message>
        <source>E  Decline: natural decrease exceeds in-migration</source>
        <translation>E  减少：自然减少大于净迁入</translation>
    </message>
    <message>
        <source>F  Decline: natural decrease exceeds out-migration</source>
        <translation>F  减少：自然减少大于净迁出</translation>
    </message>
    <message>
        <source>G  Decline: out-migration exceeds natural decrease</source>
        <translation>G  减少：净迁出大于自然减少</translation>
    </message>
    <message>
        <source>H  Decline: out-migration exceeds natural increase</source>
        <translation>H  减少：净迁出大于自然增长</translation>
    </message>
    <message>
        <source>; boundaries</source>
        <translation>；边界</translation>
    </message>
    <message>
        <source>Clusters of: %1</source>
        <translation>聚类：%1</translation>
    </message>
    <message>
        <source>High–high cluster</source>
        <translation>高—高聚集</translation>
    </message>
    <message>
        <source>Low–low cluster</source>
        <translation>低—低聚集</translation>
    </message>
    <message>
        <source>Low–high outlier</source>
        <translation>低—高异常</translation>
    </message>
    <message>
        <source>High–low outlier</source>
        <translation>高—低异常</translation>
    </message>
    <message>
        <source>Not significant</source>
        <translation>不显著</translation>
    </message>
    <message>
        <source>clusters need the boundaries of provinces or prefecture-level units</source>
        <translation>聚类需要省级或地级单位的边界</translation>
    </message>
    <message>
        <source>no neighbour with a value (an island, or its neighbours have no data)</source>
        <translation>没有有数据的相邻单位（岛屿，或相邻单位无数据）</translation>
    </message>
    <message>
        <source>Residents registered in another province, in % of the residents (census of 1 November)</source>
        <translation>户籍在外省的常住人口占常住人口的百分比（11月1日普查）</translation>
    </message>
    <message>
        <source>census interprovincial_in_migrants and resident_population</source>
        <translation>普查的省外流入人口与常住人口</translation>
    </message>
    <message>
        <source>Share of residents registered in another province</source>
        <translation>外省户籍常住人口占比</translation>
    </message>
    <message>
        <source>Natural increase per year in ‰ of the mean population</source>
        <translation>每年自然增长人数占平均人口的千分比</translation>
    </message>
    <message>
        <source>Natural increase rate</source>
        <translation>自然增长率</translation>
    </message>
    <message>
        <source>Global Moran&apos;s I %1 (p = %2); clusters at p ≤ %3</source>
        <translation>全局莫兰指数 %1（p = %2）；聚类显著性 p ≤ %3</translation>
    </message>
    <message>
        <source>Clusters of: %1 (local Moran&apos;s I, queen contiguity, 999 permutations)</source>
        <translation>聚类：%1（局部莫兰指数，皇后邻接，999次置换）</translation>
    </message>
    <message>
        <source>No neighbour (an island)</source>
        <translation>无相邻单位（岛屿）</translation>
    </message>
    <message>
        <source>China has no data before %1: a change to %1 has no start.</source>
        <translation>全国在%1年以前无数据：到%1年的变化没有起点。</translation>
    </message>
    <message>
        <source>China has no data for %1.</source>
        <translation>全国无%1的数据。</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>prefecture-level units</source>
        <translation>地级单位</translation>
    </message>
    <message>
        <source>NBS regions</source>
        <translation>四大区域</translation>
    </message>
    <message>
        <source>China</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>province</source>
        <translation>各省份</translation>
    </message>
    <message>
        <source>prefecture-level unit</source>
        <translation>各地级单位</translation>
    </message>
    <message>
        <source>NBS region</source>
        <translation>四大地区</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>850×600 at 2× (1700×1200 px)</source>
        <translation>850×600，2倍（1700×1200像素）</translation>
    </message>
    <message>
        <source>Our World in Data: 850×600 at 4× (3400×2400 px)</source>
        <translation>Our World in Data：850×600，4倍（3400×2400像素）</translation>
    </message>
    <message>
        <source>Journal column: 85 mm at 300 dpi</source>
        <translation>期刊单栏：85毫米，300 dpi</translation>
    </message>
    <message>
        <source>Journal column: 85 mm at 600 dpi</source>
        <translation>期刊单栏：85毫米，600 dpi</translation>
    </message>
    <message>
        <source>Journal page: 180 mm at 300 dpi</source>
        <translation>期刊通栏：180毫米，300 dpi</translation>
    </message>
    <message>
        <source>Journal page: 180 mm at 600 dpi</source>
        <translation>期刊通栏：180毫米，600 dpi</translation>
    </message>
    <message>
        <source>Size (PNG pixels; SVG and PDF are vector at the same layout):</source>
        <translation>尺寸（PNG 为像素；SVG 和 PDF 为同一版式的矢量图）：</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG 图像（*.png）;;SVG（*.svg）;;PDF（*.pdf）</translation>
    </message>
    <message>
        <source>Figure language (titles, legend, notes, sources):</source>
        <translation>图表语言（标题、图例、说明、来源）：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Subtitle:</source>
        <translation>副标题：</translation>
    </message>
    <message>
        <source>Your note (before the notes on the data):</source>
        <translation>您的说明（置于数据说明之前）：</translation>
    </message>
    <message>
        <source>Source line:</source>
        <translation>来源行：</translation>
    </message>
    <message>
        <source>Square: 1080×1080 px (540×540 at 2×)</source>
        <translation>正方形：1080×1080像素（540×540的2倍）</translation>
    </message>
    <message>
        <source>Phone: 640 px wide at 2× (1280 px wide, as tall as the map needs)</source>
        <translation>手机：640像素宽，2倍（1280像素宽，高度按地图所需）</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>The view&apos;s indicator &apos;%1&apos; is not in the loaded data: resident population is shown.</source>
        <translation>已加载的数据中没有该视图的指标“%1”：改为显示常住人口。</translation>
    </message>
    <message>
        <source>The view drills into &apos;%1&apos;, which is no province: all of China is shown.</source>
        <translation>该视图下钻到“%1”，但它不是省份：改为显示全国。</translation>
    </message>
    <message>
        <source>The view selects codes of no %1: %2 (left out).</source>
        <translation>该视图选中的代码不是%1：%2（已舍去）。</translation>
    </message>
    <message>
        <source>Values for only %1 of %2 units; the others have no data.</source>
        <translation>%2个单位中只有%1个有数值；其余无数据。</translation>
    </message>
    <message>
        <source>The boundaries (%1) hold only %2 of the %3 %4.</source>
        <translation>边界文件（%1）只包含%3个%4中的%2个。</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>, scale within the province</source>
        <translation>，省内分级</translation>
    </message>
    <message>
        <source>, national scale</source>
        <translation>，全国分级</translation>
    </message>
    <message>
        <source>own file %1 of %2</source>
        <translation>自有文件 %1（%2）</translation>
    </message>
    <message>
        <source>%1, %2: &lt;b&gt;%3 %4&lt;/b&gt;</source>
        <translation>%1，%2：&lt;b&gt;%3%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rank %1 of %2</source>
        <translation>在%2个单位中排名第%1</translation>
    </message>
    <message>
        <source>%1, %2: &lt;b&gt;no data&lt;/b&gt;</source>
        <translation>%1，%2：&lt;b&gt;无数据&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Change since %1: %2 persons</source>
        <translation>较%1年变化：%2人</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>None of the %1 units shown has data for %2.</source>
        <translation>所示%1个单位均无%2的数据。</translation>
    </message>
    <message>
        <source>Unit: %1%2</source>
        <translation>单位：%1%2</translation>
    </message>
    <message>
        <source>%1 in %2 by %3, %4</source>
        <translation>%4%2%3%1</translation>
    </message>
    <message>
        <source>%1 of China, %2</source>
        <translation>%2全国%1</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%3%2%1</translation>
    </message>
    <message>
        <source>%1. Blue: increase; red: decrease; hatched: no data.</source>
        <translation>%1。蓝色：增加；红色：减少；斜线：无数据。</translation>
    </message>
    <message>
        <source>%1. Darker: higher; hatched: no data.</source>
        <translation>%1。颜色越深数值越高；斜线：无数据。</translation>
    </message>
    <message>
        <source>%1; map lines: %2</source>
        <translation>%1；地图线划：%2</translation>
    </message>
    <message>
        <source>Source: %1. Boundaries: %2.</source>
        <translation>来源：%1。边界：%2。</translation>
    </message>
    <message>
        <source>%1 · %2 in %3 by %4</source>
        <translation>%1 · %3%4%2</translation>
    </message>
    <message>
        <source>%1 · %2 by %3</source>
        <translation>%1 · %3%2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>%1. Each colour a type (legend); hatched: no data.</source>
        <translation>%1。每种颜色代表一种类型（见图例）；斜线：无数据。</translation>
    </message>
    <message>
        <source>The classes are the same for every year with data.</source>
        <translation>各年份使用相同的分级。</translation>
    </message>
    <message>
        <source>Across a series break: most of this change is a revision of the statistics, not people moving.</source>
        <translation>跨越统计口径断点：此变化大部分是统计数据的修订，而非人口流动。</translation>
    </message>
</context>
<context>
    <name>RegionType</name>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>autonomous region</source>
        <translation>自治区</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>直辖市</translation>
    </message>
    <message>
        <source>special administrative region</source>
        <translation>特别行政区</translation>
    </message>
    <message>
        <source>prefecture-level city</source>
        <translation>地级市</translation>
    </message>
    <message>
        <source>autonomous prefecture</source>
        <translation>自治州</translation>
    </message>
    <message>
        <source>prefecture</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>league</source>
        <translation>盟</translation>
    </message>
    <message>
        <source>county-level unit under the province</source>
        <translation>省直辖县级行政单位</translation>
    </message>
    <message>
        <source>county-level unit under the province (XPCC)</source>
        <translation>省直辖县级行政单位（新疆生产建设兵团）</translation>
    </message>
    <message>
        <source>NBS region</source>
        <translation>四大区域之一</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>resident population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source> — index, %1 = 100</source>
        <translation>：指数（%1年 = 100）</translation>
    </message>
    <message>
        <source> — change from the year before</source>
        <translation>：较上年变化</translation>
    </message>
    <message>
        <source> — share of the 31 provinces (%)</source>
        <translation>：占31个省份的比重（%）</translation>
    </message>
    <message>
        <source> — share of the province (%)</source>
        <translation>：占全省的比重（%）</translation>
    </message>
    <message>
        <source>Unit: %1.</source>
        <translation>单位：%1。</translation>
    </message>
    <message>
        <source>Index: each unit&apos;s value in %1 = 100 (values in %2).</source>
        <translation>指数：各单位%1年数值 = 100（数值单位：%2）。</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>来源：%1。</translation>
    </message>
    <message>
        <source>Shares: of the sum of the province&apos;s prefecture-level units (for a province: of the 31 provinces), only in years when every one of them has a value.</source>
        <translation>比重：占全省地级单位合计（省份则为占31个省份合计），仅限所有单位都有数值的年份。</translation>
    </message>
    <message>
        <source>No value in %1 for %2: left out of the index.</source>
        <translation>%2在%1年没有数值：未纳入指数。</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1个单位</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1%2（%3）</translation>
    </message>
    <message>
        <source>%1: natural increase and net migration, %2</source>
        <translation>%1：自然增长与净迁移，%2</translation>
    </message>
    <message>
        <source>Each year&apos;s change from the end of the year before: natural increase (the natural growth rate × the mean population) plus net migration (the rest).</source>
        <translation>每年较上年末的变化 = 自然增长（自然增长率 × 平均人口）+ 净迁移（其余部分）。</translation>
    </message>
    <message>
        <source>• No components for %1 (%2): the grey bar is the change alone.</source>
        <translation>• %1无法分解：%2；灰色柱仅为总变化。</translation>
    </message>
    <message>
        <source>For China, the net migration bar is not migration: moves between provinces cancel out and international migration is small. It is the gap between the sum of the provinces&apos; year-end estimates and their births and deaths — a measure of how far the two series disagree.</source>
        <translation>全国的“净迁移”柱并非迁移：省际迁移相互抵消，国际迁移很少。它是各省年末推算数之和与其出生、死亡之间的差额，反映两套数据的不一致程度。</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <source>persons per km²</source>
        <translation>人/平方千米</translation>
    </message>
    <message>
        <source>percentage points</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <source>persons per household</source>
        <translation>人/户</translation>
    </message>
    <message>
        <source>males per 100 females</source>
        <translation>（女=100）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore China&apos;s population map.</source>
        <translation>探索中国人口地图。</translation>
    </message>
    <message>
        <source>Data bundle directory.</source>
        <translation>数据包目录。</translation>
    </message>
    <message>
        <source>Print the milliseconds to the first painted map and quit.</source>
        <translation>输出首次绘制地图所用的毫秒数后退出。</translation>
    </message>
    <message>
        <source>Tables and boundary files to open, as File → Open does.</source>
        <translation>要打开的表格和边界文件，与“文件 → 打开”相同。</translation>
    </message>
    <message>
        <source>Renkou cannot start</source>
        <translation>人口无法启动</translation>
    </message>
</context>
<context>
    <name>renkou::app::BoundaryImportDialog</name>
    <message>
        <source>Open boundaries: %1</source>
        <translation>打开边界：%1</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>地级单位</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Code field</source>
        <translation>代码字段</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s). Which field names the units (division codes or names)?</source>
        <translation>
            <numerusform>共%n个要素。哪个字段标识单位（区划代码或名称）？</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 features name a %3 unit of regions.csv.</source>
        <translation>%2个要素中有%1个对应 regions.csv 中的%3单位。</translation>
    </message>
    <message numerus="yes">
        <source>%n by a name or another form of code.</source>
        <translation>
            <numerusform>其中%n个按名称或其他形式的代码匹配。</numerusform>
        </translation>
    </message>
    <message>
        <source>The others are left out (not units: dashes of the nine-dash line, disputed pieces …).</source>
        <translation>其余要素被舍去（不是统计单位：九段线的线段、争议地块等）。</translation>
    </message>
    <message>
        <source>Nothing would match: choose another field.</source>
        <translation>没有可匹配的单位：请选择其他字段。</translation>
    </message>
</context>
<context>
    <name>renkou::app::KeyAssignmentDialog</name>
    <message>
        <source>— leave out —</source>
        <translation>— 舍去 —</translation>
    </message>
    <message>
        <source>Open table: %1</source>
        <translation>打开表格：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) of this table name no %1 unit, or several. Click a unit to assign the key to one, or leave its rows out; the choice is remembered for this file.</source>
        <translation>
            <numerusform>本表有%n个键未对应任何%1单位，或对应多个。点击单位为其指定一个，或舍去这些行；此选择将为该文件保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>In the table</source>
        <translation>表中</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add table</source>
        <translation>添加表格</translation>
    </message>
</context>
<context>
    <name>renkou::app::MainWindow</name>
    <message>
        <source>Renkou 人口 — China&apos;s population map</source>
        <translation>人口 — 中国人口地图</translation>
    </message>
    <message>
        <source>Could not load the data: %1</source>
        <translation>无法加载数据：%1</translation>
    </message>
    <message>
        <source>Could not load the data</source>
        <translation>无法加载数据</translation>
    </message>
    <message>
        <source>Renkou cannot load the data</source>
        <translation>人口无法加载数据</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Loading data …</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>base year</source>
        <translation>基年</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>地级单位</translation>
    </message>
    <message>
        <source>NBS regions</source>
        <translation>四大区域</translation>
    </message>
    <message>
        <source>Growth / decline</source>
        <translation>增长/减少</translation>
    </message>
    <message>
        <source>Show the change since the previous year with data, decline red and growth blue (G)</source>
        <translation>显示较上一个有数据年份的变化，减少为红色、增长为蓝色（G）</translation>
    </message>
    <message>
        <source>Scale within province</source>
        <translation>省内分级</translation>
    </message>
    <message>
        <source>In a drill-down, classify the province&apos;s own units instead of using the national scale</source>
        <translation>下钻时按本省各单位分级，而不采用全国分级</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Find a region: 长沙, Changsha, 430100 …</source>
        <translation>查找地区：长沙、Changsha、430100…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;table…</source>
        <translation>打开表格(&amp;T)…</translation>
    </message>
    <message>
        <source>Open table</source>
        <translation>打开表格</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xls *.ods);;All files (*)</source>
        <translation>表格（*.csv *.txt *.tsv *.xlsx *.xls *.ods）;;所有文件（*）</translation>
    </message>
    <message>
        <source>Open &amp;boundaries…</source>
        <translation>打开边界(&amp;B)…</translation>
    </message>
    <message>
        <source>Open boundaries</source>
        <translation>打开边界</translation>
    </message>
    <message>
        <source>Vector files (*.geojson *.json *.topojson *.shp *.gpkg *.kml *.gml *.fgb);;All files (*)</source>
        <translation>矢量文件（*.geojson *.json *.topojson *.shp *.gpkg *.kml *.gml *.fgb）;;所有文件（*）</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Open &amp;view…</source>
        <translation>打开视图(&amp;V)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Save view…</source>
        <translation>保存视图(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;map…</source>
        <translation>导出地图(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;chart…</source>
        <translation>导出图表(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;data (CSV)…</source>
        <translation>导出数据（CSV）(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;report pack…</source>
        <translation>导出报告包(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy view</source>
        <translation>复制视图(&amp;C)</translation>
    </message>
    <message>
        <source>The view is on the clipboard: paste it into another Renkou with Edit → Paste view.</source>
        <translation>视图已复制到剪贴板：可在另一个“人口”中通过“编辑 → 粘贴视图”粘贴。</translation>
    </message>
    <message>
        <source>&amp;Paste view</source>
        <translation>粘贴视图(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Back to China</source>
        <translation>返回全国</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>下一年</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>上一年</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <source>Map labels in English</source>
        <translation>地图标注使用英文</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Renkou</source>
        <translation>关于“人口”(&amp;A)</translation>
    </message>
    <message>
        <source>level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>growth / decline</source>
        <translation>增长/减少</translation>
    </message>
    <message>
        <source>scale within province</source>
        <translation>省内分级</translation>
    </message>
    <message>
        <source>label language</source>
        <translation>标注语言</translation>
    </message>
    <message>
        <source>Data: %1 — loading prefecture boundaries …</source>
        <translation>数据：%1 — 正在加载地级边界…</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>%1 is a value of one year: switch on Growth / decline (G), or choose a change, to compare two years.</source>
        <translation>%1是单一年份的数值：要比较两个年份，请打开“增长/减少”（G），或选择一个变化类指标。</translation>
    </message>
    <message>
        <source>Show %1 instead</source>
        <translation>改为显示%1</translation>
    </message>
    <message>
        <source>China 中国 · %1</source>
        <translation>中国 · %1</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;back&quot;&gt;China 中国&lt;/a&gt; › %1  &lt;span style=&quot;color:#777&quot;&gt;(Backspace: back)&lt;/span&gt;</source>
        <translation>&lt;a href=&quot;back&quot;&gt;中国&lt;/a&gt; › %1  &lt;span style=&quot;color:#777&quot;&gt;（退格键：返回）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>The view is shown without:</source>
        <translation>视图已显示，但缺少：</translation>
    </message>
    <message>
        <source>The view is shown with changes</source>
        <translation>视图已显示，但有改动</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>drill down</source>
        <translation>下钻</translation>
    </message>
    <message>
        <source>back to China</source>
        <translation>返回全国</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Select a region first: its chart is what is exported.</source>
        <translation>请先选择一个地区：导出的是它的图表。</translation>
    </message>
    <message>
        <source>Export the numbers behind the map</source>
        <translation>导出地图背后的数据</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8（*.csv）</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>Add a byte-order mark, so that Excel on a Chinese Windows opens the file as UTF-8?</source>
        <translation>是否添加字节顺序标记（BOM），以便中文 Windows 上的 Excel 按 UTF-8 打开该文件？</translation>
    </message>
    <message>
        <source>cancelled; the files written so far are complete</source>
        <translation>已取消；已写入的文件是完整的</translation>
    </message>
    <message>
        <source>Folder for the report pack</source>
        <translation>报告包文件夹</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already holds report files. Replace them?</source>
        <translation>%1 中已有报告文件。是否替换？</translation>
    </message>
    <message>
        <source>Writing the report pack …</source>
        <translation>正在写入报告包…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>own table</source>
        <translation>自有表格</translation>
    </message>
    <message numerus="yes">
        <source>Added %n value(s) from %1</source>
        <translation>
            <numerusform>已从 %1 添加%n个数值</numerusform>
        </translation>
    </message>
    <message>
        <source>own boundaries</source>
        <translation>自有边界</translation>
    </message>
    <message>
        <source>%1 boundaries from %2</source>
        <translation>%1边界来自 %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot add the table</source>
        <translation>无法添加表格</translation>
    </message>
    <message>
        <source>Open table: %1</source>
        <translation>打开表格：%1</translation>
    </message>
    <message>
        <source>Which sheet holds the table?</source>
        <translation>表格在哪个工作表中？</translation>
    </message>
    <message>
        <source>Table added</source>
        <translation>已添加表格</translation>
    </message>
    <message>
        <source>Cannot open the boundaries</source>
        <translation>无法打开边界文件</translation>
    </message>
    <message>
        <source>Reading and projecting %1 …</source>
        <translation>正在读取并投影 %1…</translation>
    </message>
    <message>
        <source>Boundaries joined</source>
        <translation>边界已连接</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Renkou views (*.renkou)</source>
        <translation>人口视图（*.renkou）</translation>
    </message>
    <message>
        <source>Cannot save the view</source>
        <translation>无法保存视图</translation>
    </message>
    <message>
        <source>View saved: %1</source>
        <translation>视图已保存：%1</translation>
    </message>
    <message>
        <source>Open view</source>
        <translation>打开视图</translation>
    </message>
    <message>
        <source>Renkou views (*.renkou);;All files (*)</source>
        <translation>人口视图（*.renkou）;;所有文件（*）</translation>
    </message>
    <message>
        <source>Cannot open the view</source>
        <translation>无法打开视图</translation>
    </message>
    <message>
        <source>Cannot paste the view</source>
        <translation>无法粘贴视图</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>选择%1</translation>
    </message>
    <message>
        <source>Remove from the comparison</source>
        <translation>移出比较</translation>
    </message>
    <message>
        <source>Add to the comparison</source>
        <translation>加入比较</translation>
    </message>
    <message>
        <source>Show its prefecture-level units</source>
        <translation>显示其地级单位</translation>
    </message>
    <message>
        <source>Copy value (%1)</source>
        <translation>复制数值（%1）</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Copy map image</source>
        <translation>复制地图图像</translation>
    </message>
    <message>
        <source>Copy view</source>
        <translation>复制视图</translation>
    </message>
    <message>
        <source>the last session&apos;s view</source>
        <translation>上次的视图</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Data sources…</source>
        <translation>数据来源(&amp;D)…</translation>
    </message>
    <message>
        <source>where:</source>
        <translation>出处：</translation>
    </message>
    <message>
        <source>licence:</source>
        <translation>许可：</translation>
    </message>
    <message>
        <source>notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Notes that apply:</source>
        <translation>适用的说明：</translation>
    </message>
    <message>
        <source>Data bundle: %1</source>
        <translation>数据包：%1</translation>
    </message>
    <message>
        <source>Made with Renkou %1</source>
        <translation>由“人口” %1 制作</translation>
    </message>
    <message>
        <source>Export report pack</source>
        <translation>导出报告包</translation>
    </message>
    <message>
        <source>No unit was selected, so the pack has no chart: select units on the map to chart them.</source>
        <translation>未选择任何单位，因此报告包中没有图表：请在地图上选择单位以绘制图表。</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>This map has data in fewer than two years: there is nothing to animate.</source>
        <translation>此地图有数据的年份不足两年，无法制作动画。</translation>
    </message>
    <message>
        <source>From the year:</source>
        <translation>起始年份：</translation>
    </message>
    <message>
        <source>To the year:</source>
        <translation>结束年份：</translation>
    </message>
    <message>
        <source>Drawing the animation …</source>
        <translation>正在绘制动画…</translation>
    </message>
    <message>
        <source>&amp;Classes</source>
        <translation>分级(&amp;C)</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Quantiles (as many units in each class)</source>
        <translation>分位数（每级单位数相同）</translation>
    </message>
    <message>
        <source>Equal intervals</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法</translation>
    </message>
    <message>
        <source>%1 classes</source>
        <translation>%1级</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>%1 (not colour-blind safe)</source>
        <translation>%1（色盲不友好）</translation>
    </message>
    <message>
        <source>Same classes for every year</source>
        <translation>各年份使用相同分级</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Copy &amp;map as image</source>
        <translation>复制地图图片(&amp;M)</translation>
    </message>
    <message>
        <source>The map is on the clipboard.</source>
        <translation>地图已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Copy c&amp;hart as image</source>
        <translation>复制图表图片(&amp;H)</translation>
    </message>
    <message>
        <source>Select a region first: its chart is what is copied.</source>
        <translation>请先选择一个地区：复制的是它的图表。</translation>
    </message>
    <message>
        <source>The chart is on the clipboard.</source>
        <translation>图表已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Export &amp;animation (GIF, MP4, WebM)…</source>
        <translation>导出动画（GIF、MP4、WebM）(&amp;A)…</translation>
    </message>
    <message>
        <source>Writing the map …</source>
        <translation>正在写入地图…</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif);;MP4 video, H.264 (*.mp4);;WebM video, VP9 (*.webm)</source>
        <translation>GIF 动画 (*.gif);;MP4 视频 (*.mp4);;WebM 视频 (*.webm)</translation>
    </message>
    <message>
        <source>Encoding the animation …</source>
        <translation>正在编码动画…</translation>
    </message>
    <message>
        <source>Show values on the map</source>
        <translation>在地图上显示数值</translation>
    </message>
    <message>
        <source>values on the map</source>
        <translation>地图上的数值</translation>
    </message>
    <message>
        <source>Clusters only where p ≤ 0.01</source>
        <translation>仅显示 p ≤ 0.01 的聚类</translation>
    </message>
    <message>
        <source>Maps of clusters (local Moran&apos;s I): a unit is in a cluster at p ≤ 0.01 instead of 0.05</source>
        <translation>聚类地图（局部莫兰指数）：以 p ≤ 0.01 而非 0.05 判定单位是否属于聚类</translation>
    </message>
    <message>
        <source>cluster significance</source>
        <translation>聚类显著性</translation>
    </message>
    <message>
        <source>Export &amp;scatter…</source>
        <translation>导出散点图(&amp;S)…</translation>
    </message>
    <message>
        <source>Export scatter</source>
        <translation>导出散点图</translation>
    </message>
    <message>
        <source>The scatter of natural increase and net migration is under the chart of components: choose “Births or migration?” in the side panel&apos;s chart box first.</source>
        <translation>自然增长与净迁移散点图位于人口变化构成图下方：请先在侧栏图表框中选择“出生还是迁移？”。</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>图表：%1</translation>
    </message>
</context>
<context>
    <name>renkou::app::WideTableDialog</name>
    <message>
        <source>Open table: %1</source>
        <translation>打开表格：%1</translation>
    </message>
    <message>
        <source>This table has a column per year. Say what its numbers are; an empty cell (or NA, -, .., …) is no data. Counts in 万人, 千人 or 亿人 become persons.</source>
        <translation>本表每年一列。请说明其中数字的含义；空单元格（或 NA、-、..、…）视为无数据。以万人、千人或亿人计的数换算为人。</translation>
    </message>
    <message>
        <source>The file says: %1 in %2.</source>
        <translation>文件中注明：%2中的%1。</translation>
    </message>
    <message>
        <source>(no indicator)</source>
        <translation>（无指标）</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <source>Shown wherever these values are; an id from sources.csv, or any name</source>
        <translation>这些数值出现时一并显示；可填 sources.csv 中的编号或任意名称</translation>
    </message>
    <message>
        <source>Year-end estimate</source>
        <translation>年末数</translation>
    </message>
    <message>
        <source>Census count</source>
        <translation>普查数</translation>
    </message>
    <message>
        <source>(automatic: the column naming the most units)</source>
        <translation>（自动：对应单位最多的列）</translation>
    </message>
    <message>
        <source>Units named by</source>
        <translation>单位标识列</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add table</source>
        <translation>添加表格</translation>
    </message>
    <message>
        <source>Name the indicator.</source>
        <translation>请为指标命名。</translation>
    </message>
    <message>
        <source>Give the unit (persons, 万人, %, ‰ …).</source>
        <translation>请填写单位（人、万人、%、‰…）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the name of one Renkou computes (%2): name yours differently, or choose resident_population to add to the bundle&apos;s resident population.</source>
        <translation>“%1”是本软件计算的指标名称（%2）：请为您的指标另起名称，或选择 resident_population 以并入数据包的常住人口。</translation>
    </message>
</context>
<context>
    <name>renkou::ui::ChartPanel</name>
    <message>
        <source>index, %1 = 100</source>
        <translation>指数，%1年 = 100</translation>
    </message>
    <message>
        <source>Census count (1 November)</source>
        <translation>普查数（11月1日）</translation>
    </message>
    <message>
        <source>Year-end estimate</source>
        <translation>年末数</translation>
    </message>
    <message>
        <source>change (%1)</source>
        <translation>变化（%1）</translation>
    </message>
    <message>
        <source>series break</source>
        <translation>序列断点</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>总变化</translation>
    </message>
    <message>
        <source>%1 %2: change %3</source>
        <translation>%1 %2年：总变化 %3</translation>
    </message>
    <message>
        <source>natural increase %1</source>
        <translation>自然增长 %1</translation>
    </message>
    <message>
        <source>net migration %1</source>
        <translation>净迁移 %1</translation>
    </message>
    <message>
        <source>Natural increase</source>
        <translation>自然增长</translation>
    </message>
    <message>
        <source>Net migration</source>
        <translation>净迁移</translation>
    </message>
    <message>
        <source>no components: %1</source>
        <translation>无法分解：%1</translation>
    </message>
    <message>
        <source>Change (not split)</source>
        <translation>总变化（未分解）</translation>
    </message>
    <message>
        <source>series break: part of this change is a revision, not migration</source>
        <translation>统计口径断点：此变化部分为数据修订，并非迁移</translation>
    </message>
    <message>
        <source>Across a break: mostly revision</source>
        <translation>跨口径断点：主要是修订</translation>
    </message>
    <message>
        <source>• More notes on these data are listed with the figure&apos;s sources.</source>
        <translation>• 其余数据说明见本图所附的来源说明。</translation>
    </message>
</context>
<context>
    <name>renkou::ui::ColumnModel</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
</context>
<context>
    <name>renkou::ui::ComponentsScatter</name>
    <message>
        <source>%1: no birth and death rates</source>
        <translation>%1：无出生率和死亡率</translation>
    </message>
    <message>
        <source>%1: birth and death rates only for %2 of the units</source>
        <translation>%1：仅 %2 个单位有出生率和死亡率</translation>
    </message>
    <message>
        <source>Natural increase and net migration: too few units have both for any year</source>
        <translation>自然增长与净迁移：任何年份兼有两者的单位都太少</translation>
    </message>
    <message>
        <source>Prefecture-level units have no birth and death rates in the data.</source>
        <translation>数据中地级单位没有出生率和死亡率。</translation>
    </message>
    <message>
        <source>Too few birth and death rates in the loaded tables.</source>
        <translation>已加载的表格中出生率和死亡率太少。</translation>
    </message>
    <message>
        <source>%1, %2
natural increase %3 ‰ a year
net migration %4 ‰ a year
%5</source>
        <translation>%1，%2
自然增长 每年 %3‰
净迁移 每年 %4‰
%5</translation>
    </message>
    <message>
        <source>natural increase, ‰</source>
        <translation>自然增长（‰）</translation>
    </message>
    <message>
        <source>net migration, ‰</source>
        <translation>净迁移（‰）</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Copy the numbers</source>
        <translation>复制数据</translation>
    </message>
    <message>
        <source>Natural increase and net migration by %1, %2</source>
        <translation>%2%1自然增长与净迁移</translation>
    </message>
    <message>
        <source>Each point a unit: natural increase and net migration in ‰ of its mean population a year. Above the dashed line the population grew, below it it fell.</source>
        <translation>每个点代表一个单位：每年自然增长与净迁移占其平均人口的千分比。虚线以上人口增长，以下人口减少。</translation>
    </message>
    <message>
        <source>%1; shown: %2, the latest year with them for most units.</source>
        <translation>%1；图中为%2，即多数单位有此数据的最近年份。</translation>
    </message>
    <message>
        <source>%1 spans a series break: part of the change there is a revision of the estimates, not migration.</source>
        <translation>%1 跨越统计口径断点：其中部分变化是推算数的修订，并非迁移。</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>来源：%1。</translation>
    </message>
    <message>
        <source>Colours: the type of change, as on the map of “Type of population change”. Click a point to select its unit.</source>
        <translation>颜色：变化类型，与“人口变化类型”地图相同。点击一点即选中该单位。</translation>
    </message>
    <message>
        <source>Not shown, without birth and death rates or population for %1: %2.</source>
        <translation>未显示（%1无出生率、死亡率或人口数据）：%2。</translation>
    </message>
    <message>
        <source>Too few units have both rates</source>
        <translation>同时具备两项比率的单位太少</translation>
    </message>
    <message>
        <source>Natural increase and net migration, %1</source>
        <translation>%1自然增长与净迁移</translation>
    </message>
</context>
<context>
    <name>renkou::ui::RankingView</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>renkou::ui::SidePanel</name>
    <message>
        <source>Click a region to see its trend; Ctrl-click to compare several.</source>
        <translation>点击地区查看趋势；按住 Ctrl 点击可比较多个地区。</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Indexed (base = 100)</source>
        <translation>指数（基年 = 100）</translation>
    </message>
    <message>
        <source>Change from year before</source>
        <translation>较上年变化</translation>
    </message>
    <message>
        <source>Share of province</source>
        <translation>占全省比重</translation>
    </message>
    <message>
        <source>Share of its province; for a province, of the 31 provinces</source>
        <translation>占所在省份的比重；省份则为占31个省份的比重</translation>
    </message>
    <message>
        <source>base </source>
        <translation>基年 </translation>
    </message>
    <message>
        <source>base: auto</source>
        <translation>基年：自动</translation>
    </message>
    <message>
        <source>Base year of the index; auto: the first year every selected unit has</source>
        <translation>指数的基年；自动：所有选中单位都有数据的最早年份</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Code %1 · %2 · %3</source>
        <translation>代码 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 in %2: %3 %4 (rank %5)</source>
        <translation>%1，%2：%3%4（排名第%5）</translation>
    </message>
    <message>
        <source>%1 in %2: no data</source>
        <translation>%1，%2：无数据</translation>
    </message>
    <message>
        <source>No resident population data for this unit in the loaded tables.</source>
        <translation>已加载的表格中没有该单位的常住人口数据。</translation>
    </message>
    <message>
        <source>Resident population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Urban share</source>
        <translation>城镇化率</translation>
    </message>
    <message>
        <source>Aged 0–14</source>
        <translation>0—14岁</translation>
    </message>
    <message>
        <source>Aged 15–59</source>
        <translation>15—59岁</translation>
    </message>
    <message>
        <source>Aged 60+</source>
        <translation>60岁及以上</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;Census (1 November)&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;2010&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;2020&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;change&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;普查（11月1日）&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;2010年&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;2020年&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;变化&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>来源：%1。</translation>
    </message>
    <message>
        <source>China: %1</source>
        <translation>全国：%1</translation>
    </message>
    <message>
        <source>Births or migration? (components of change)</source>
        <translation>出生还是迁移？（人口变化构成）</translation>
    </message>
    <message>
        <source>Each year&apos;s change split into natural increase (births − deaths) and net migration</source>
        <translation>每年的变化分解为自然增长（出生 − 死亡）与净迁移</translation>
    </message>
    <message>
        <source>Copy the numbers behind the chart</source>
        <translation>复制图表背后的数据</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>renkou::ui::Timeline</name>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Step through the years with data</source>
        <translation>逐年播放有数据的年份</translation>
    </message>
    <message>
        <source>from–to</source>
        <translation>起止年</translation>
    </message>
    <message>
        <source>Compare two years: Shift-click a year to choose the start</source>
        <translation>比较两个年份：按住 Shift 点击年份以选择起始年</translation>
    </message>
    <message>
        <source>%1 is the first year with data: the change runs %1–%2.</source>
        <translation>%1年是最早有数据的年份：变化区间为%1—%2年。</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>%1 has no data in this view.</source>
        <translation>%1年在当前视图中没有数据。</translation>
    </message>
    <message>
        <source>A change needs two different years: %1 is already the end.</source>
        <translation>变化需要两个不同的年份：%1年已是终止年。</translation>
    </message>
    <message>
        <source>A change needs two different years: %1 is already the start.</source>
        <translation>变化需要两个不同的年份：%1年已是起始年。</translation>
    </message>
    <message>
        <source>%1 is before the start: the change now starts in %1 (%1–%2).</source>
        <translation>%1年早于起始年：变化现从%1年起算（%1—%2年）。</translation>
    </message>
    <message>
        <source>%1 is the first year with data: it can only start a change (Shift-click it).</source>
        <translation>%1年是最早有数据的年份：只能作为变化的起始年（按住 Shift 点击）。</translation>
    </message>
    <message>
        <source>%1 is the first year with data: a change needs a start before it. Use from–to and Shift-click to start a change at %1.</source>
        <translation>%1年是最早有数据的年份：变化需要更早的起始年。请使用“起止年”并按住 Shift 点击，以%1年为起始年。</translation>
    </message>
    <message>
        <source>%1 is after the end: the change runs %2–%1.</source>
        <translation>%1年晚于终止年：变化区间为%2—%1年。</translation>
    </message>
</context>
</TS>
