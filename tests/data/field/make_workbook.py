#!/usr/bin/env python3
"""Writes nbs_export.xlsx: the NBS data-site export as Excel saves it (title rows, a header, numbers as
numbers, a footer note) on a second sheet, after a sheet of notes; then another year's table whose header
gives the unit (2022年(万人)), and a sheet with a cell that is no number. Plain zipfile XML, no library needed."""
import zipfile
from xml.sax.saxutils import escape

def cell(ref, value):
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'

def sheet(rows):
    out = []
    for i, row in enumerate(rows, 1):
        cells = ''.join(cell(f'{chr(65 + j)}{i}', v) for j, v in enumerate(row) if v != '')
        out.append(f'<row r="{i}">{cells}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + ''.join(out) + '</sheetData></worksheet>')

data = [['数据库：分省年度数据'], ['指标：年末常住人口(万人)'], ['时间：2023-2024'],
        ['地区', '2024年', '2023年'], ['北京市', 2183, 2186], ['天津市', 1364, 1364], ['河北省', 7378, 7393],
        ['山东省', 10080, 10123], ['西藏自治区', '', 365], [], ['注：常住人口为年末数。'], ['数据来源：国家统计局']]
notes = [['本表由国家统计局网站导出']]
# Another year's table with its unit in the year's header, and a sheet with a cell that is no number.
data2022 = [['地区', '2022年(万人)'], ['北京市', 2184], ['山东省', 10163]]
bad = [['地区', '2021年'], ['北京市', 'abc']]
sheets = [('说明', notes), ('分省年度数据', data), ('2022年', data2022), ('错误', bad)]
with zipfile.ZipFile('nbs_export.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml',
               '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               + ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                         for i in range(1, len(sheets) + 1)) + '</Types>')
    z.writestr('_rels/.rels',
               '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml',
               '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               + ''.join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(sheets, 1))
               + '</sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels',
               '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                         for i in range(1, len(sheets) + 1)) + '</Relationships>')
    for i, (_, rows) in enumerate(sheets, 1):
        z.writestr(f'xl/worksheets/sheet{i}.xml', sheet(rows))
