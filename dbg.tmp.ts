import { readMetaLine } from './lib/metadata/fields';
import { isPersonName } from './lib/metadata/byline';
for (const s of ['相关链接','[打印]','关注','江苏','商业','全国版','大汉网络','据记者采访了解，骏威客车是生产大客车的生产企业']) console.log(s, readMetaLine(s), isPersonName(s));
