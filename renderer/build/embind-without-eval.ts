// Rewrites the Basis transcoder's Emscripten glue so it never compiles code from strings, as -sDYNAMIC_EXECUTION=0 would.

/**
 * three's prebuilt `libs/basis/basis_transcoder.js` is an embind build with dynamic execution on: it
 * builds its call wrappers as source text and compiles them with `Function`, which the kiosk's CSP
 * (`script-src 'self' 'wasm-unsafe-eval'`, no `'unsafe-eval'`) refuses, so every KTX2 transcode
 * failed (three.js issue 34389). Rebuilding it needs emsdk and the Basis sources; instead the two
 * sites are replaced with the closures Emscripten itself emits under DYNAMIC_EXECUTION=0: same
 * argument wiring, destructors and return conversion, driven by the type table at call time.
 * Each site must match exactly once, so a changed transcoder fails the build instead of shipping unpatched.
 */
const SITES: readonly { readonly what: string; readonly find: string; readonly replace: string }[] = [
  {
    what: 'embind function invoker (craftInvokerFunction)',
    find: 'let[args,invokerFnBody]=createJsInvoker(argTypes,isClassMethodFunc,returns,isAsync);args.push(invokerFnBody);var invokerFn=newFunc(Function,args)(...closureArgs);',
    replace: [
      'var invokerFn=function(...callArgs){',
      'if(callArgs.length!==argCount-2){throwBindingError("function "+humanName+" called with "+callArgs.length+" arguments, expected "+(argCount-2))}',
      'var destructors=needsDestructorStack?[]:null;var thisWired;var argsWired=[];',
      'if(isClassMethodFunc){thisWired=argTypes[1]["toWireType"](destructors,this)}',
      'for(var i=0;i<argCount-2;++i){argsWired.push(argTypes[i+2]["toWireType"](destructors,callArgs[i]))}',
      'var rv=isClassMethodFunc?cppInvokerFunc(cppTargetFunc,thisWired,...argsWired):cppInvokerFunc(cppTargetFunc,...argsWired);',
      'if(needsDestructorStack){runDestructors(destructors)}',
      'else{for(var i=isClassMethodFunc?1:2;i<argTypes.length;++i){if(argTypes[i].destructorFunction!==null){argTypes[i].destructorFunction(i===1?thisWired:argsWired[i-2])}}}',
      'if(returns){return argTypes[0]["fromWireType"](rv)}};',
    ].join(''),
  },
  {
    what: 'emval method caller (__emval_get_method_caller)',
    find: 'params.push(functionBody);var invokerFunction=newFunc(Function,params)(...args);',
    replace: [
      'var invokerFunction=function(obj,func,destructorsRef,argsPointer){',
      'var callArgs=kind===0?[obj]:[];var at=0;',
      'for(var i=0;i<argCount;++i){callArgs.push(types[i].readValueFromPointer(argsPointer+at));at+=types[i]["argPackAdvance"]}',
      'var rv=kind===1?new func(...callArgs):func.call(...callArgs);',
      'if(!retType.isVoid){return emval_returnValue(retType,destructorsRef,rv)}};',
    ].join(''),
  },
];

/** What must be gone afterwards: the glue's only way of compiling strings. */
const DYNAMIC_EXECUTION = 'newFunc(Function,';

/** The transcoder's source with both dynamic-execution sites replaced; throws if either is not found exactly once. */
export function embindWithoutEval(source: string): string {
  let patched = source;
  for (const site of SITES) {
    const count = patched.split(site.find).length - 1;
    if (count !== 1) throw new Error(`basis_transcoder.js: expected the ${site.what} once, found it ${count} times (did three update its transcoder?)`);
    patched = patched.replace(site.find, () => site.replace);
  }
  if (patched.includes(DYNAMIC_EXECUTION) || /\beval\s*\(|new Function\s*\(/.test(patched)) throw new Error('basis_transcoder.js: code compiled from strings remains after patching');
  return patched;
}
